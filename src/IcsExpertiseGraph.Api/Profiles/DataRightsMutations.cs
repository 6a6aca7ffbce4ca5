using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;

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
                Access.RequireAdmin(c, "Only admins may import people.");

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
