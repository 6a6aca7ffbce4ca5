using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>Mutation fields for organisations (network managers).</summary>
public static partial class OrganisationMutations
{
    public const int NameMax = 200;

    public static void AddOrganisationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OrganisationGraphType>>("upsertOrganisation")
            .Description("Network managers: creates an organisation, or updates the one with this id (else this ODS code).")
            .Argument<NonNullGraphType<OrganisationInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var ods = InputText.Optional(input.GetValueOrDefault("odsCode") as string, "odsCode", 6)?.ToUpperInvariant();
                if (ods is not null && !OdsCode().IsMatch(ods))
                {
                    throw new BadUserInputError("odsCode", "odsCode must be 3 to 6 letters and digits, as the NHS Organisation Data Service issues them.");
                }

                var draft = new OrganisationDraft(
                    input.GetValueOrDefault("id") is string id ? GlobalId.Parse(id, "Organisation", "id") : null, ods, InputText.Required(input.GetValueOrDefault("name") as string, "name", NameMax),
                    (OrganisationType)input["type"]!,
                    input.GetValueOrDefault("integratedCareSystemId") is string ics ? GlobalId.Parse(ics, "IntegratedCareSystem", "integratedCareSystemId") : null);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.UpsertOrganisationAsync(draft, me, now, ct));
            });
    }

    [GeneratedRegex("^[A-Z0-9]{3,6}$")]
    private static partial Regex OdsCode();
}
