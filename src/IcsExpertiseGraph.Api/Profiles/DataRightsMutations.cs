using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
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
            .Description("Removes your profile and personal data. Projects keep your contributions, anonymised; the audit trail keeps only that the profile was deleted.")
            .ResolveAsync(async c =>
            {
                var me = await Me.PersonIdAsync(c);
                await c.Request().Store.DeletePersonAsync(me, Me.Now(c), c.CancellationToken);
                if (c.Request().Identity is { } identity)
                {
                    c.RequestServices!.GetRequiredService<Auth.CallerResolver>().Forget(identity.ExternalId);
                }

                c.Request().Viewer = c.Request().Viewer with { PersonId = null };
                await Me.AfterWriteAsync(c);
                return true;
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
