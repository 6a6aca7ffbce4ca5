using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>Data-subject rights (access, erasure) and the admins' bulk import.</summary>
public static class DataRightsMutations
{
    public const int MaxImportRows = 5000;

    public static void AddDataRightsMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StringGraphType>>("exportMyData")
            .Description("Everything held about you, as one JSON document (your right of access).")
            .ResolveAsync(async c => await c.Request().Store.ExportPersonAsync(await Me.PersonIdAsync(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<BooleanGraphType>>("deleteMyProfile")
            .Description("Removes your profile and personal data. Projects keep your contributions, anonymised; the audit trail keeps only that the profile was deleted. Tokens issued before then are refused from now on, and your sign-in gets no profile again until you call createMyProfile.")
            .ResolveAsync(async c =>
            {
                var me = await Me.PersonIdAsync(c);
                var now = Me.Now(c);
                await c.Request().Store.DeletePersonAsync(me, now, c.CancellationToken);
                if (c.Request().Identity is { } identity)
                {
                    c.RequestServices!.GetRequiredService<Auth.CallerResolver>().Forget(identity.ExternalId, now);
                }

                c.Request().Viewer = c.Request().Viewer with { PersonId = null };
                await Me.AfterWriteAsync(c);
                return true;
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("createMyProfile")
            .Description("Starts your profile, PRIVATE (only you and admins see it until you choose otherwise), named from your sign-in and with its verified email unless another profile holds it. Also after deleting a profile: nothing else recreates one. An existing profile with your verified email is linked instead (unless your sign-in's profile was deleted); CONFLICT on me when you already have one.")
            .ResolveAsync(async c =>
            {
                var request = c.Request();
                if (request.Identity is not { } identity)
                {
                    throw CodedError.Unauthenticated();
                }

                if (request.Viewer.PersonId is not null)
                {
                    throw new CodedError(ErrorCodes.Conflict, "me", "You already have a profile: change it with updateMyProfile.");
                }

                var erased = await c.RequestServices!.GetRequiredService<CallerResolver>().ErasedAtAsync(identity.ExternalId, c.CancellationToken);
                var person = (erased is null ? await request.Store.LinkProfileAsync(identity, Me.Now(c), c.CancellationToken) : null)
                    ?? await request.Store.CreateProfileAsync(identity, Me.Now(c), c.CancellationToken);
                request.Viewer = request.Viewer with { PersonId = person.Id };
                await Me.AfterWriteAsync(c);
                return person;
            });

        mutation.Field<NonNullGraphType<ImportSummaryGraphType>>("importPeople")
            .Description($"Admins: creates or updates people by email, all or nothing; at most {MaxImportRows} rows (the import verb takes files).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<PersonImportInputGraphType>>>>("rows")
            .ResolveAsync(async c =>
            {
                var request = c.Request();
                if (request.Identity is null)
                {
                    throw CodedError.Unauthenticated();
                }

                if (!request.Viewer.IsAdmin)
                {
                    throw CodedError.Forbidden("Only admins may import people.");
                }

                var rows = c.GetArgument<List<Dictionary<string, object?>>>("rows");
                if (rows.Count is 0 or > MaxImportRows)
                {
                    throw new BadUserInputError("rows", $"Send 1 to {MaxImportRows} rows.");
                }

                var people = rows.Select((row, i) => PersonImports.Checked(new PersonImport(
                    row["email"] as string ?? "", row["displayName"] as string ?? "", row.GetValueOrDefault("headline") as string, row.GetValueOrDefault("bio") as string,
                    row.GetValueOrDefault("visibility") as Visibility?, row.GetValueOrDefault("organisationOdsCode") as string,
                    row.GetValueOrDefault("role") as string), i)).ToList();
                return await Me.WriteAsync(c, (store, me, now, ct) => store.ImportPeopleAsync(people, me, now, ct));
            });
    }
}

/// <summary>The checks every imported row passes, whether it came through GraphQL or the import verb.</summary>
public static class PersonImports
{
    public static PersonImport Checked(PersonImport row, int index)
    {
        try
        {
            var changes = ProfileValidation.Checked(new ProfileChanges(
                Change.To(row.DisplayName), Change.To(row.Headline), Change.To(row.Bio), default, Change.To<string?>(row.Email), default, default, default, default, default));
            if (string.IsNullOrWhiteSpace(row.Email))
            {
                throw new BadUserInputError("email", "email is required: people are matched by it.");
            }

            return row with { DisplayName = changes.DisplayName.Value, Headline = changes.Headline.Value, Bio = changes.Bio.Value, Email = changes.Email.Value!, OrganisationOdsCode = row.OrganisationOdsCode?.Trim().ToUpperInvariant() };
        }
        catch (BadUserInputError error)
        {
            throw new BadUserInputError($"rows[{index}].{error.Field}", $"Row {index + 1}: {error.Message}");
        }
    }
}

public sealed class PersonImportInputGraphType : InputObjectGraphType
{
    public PersonImportInputGraphType()
    {
        Name = "PersonImportInput";
        Field<NonNullGraphType<StringGraphType>>("email").Description("Matches an existing profile; a new one is created otherwise.");
        Field<NonNullGraphType<StringGraphType>>("displayName");
        Field<StringGraphType>("headline").Description("Left as it is when not given.");
        Field<StringGraphType>("bio").Description("Left as it is when not given.");
        Field<EnumerationGraphType<Visibility>>("visibility").Description("For new profiles only (NETWORK when left out); an existing person's choice is kept.");
        Field<StringGraphType>("organisationOdsCode").Description("A current employment at this organisation is added if missing.");
        Field<StringGraphType>("role");
    }
}

public sealed class ImportSummaryGraphType : ObjectGraphType<ImportSummary>
{
    public ImportSummaryGraphType()
    {
        Name = "ImportSummary";
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(c => c.Source.Unchanged);
    }
}
