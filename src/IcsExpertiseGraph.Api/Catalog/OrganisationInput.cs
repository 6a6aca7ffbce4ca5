using System.Text.RegularExpressions;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary><c>OrganisationInput</c> as GraphQL binds it (<c>GetArgument&lt;OrganisationInput&gt;</c>).</summary>
public sealed partial record OrganisationInput(string? Id, string? OdsCode, string Name, OrganisationType Type, string? IntegratedCareSystemId)
{
    public const int NameMax = 200;

    /// <summary>The organisation it asks for, checked: ids of the right kinds, an ODS code as the NHS issues them, a name.</summary>
    public OrganisationDraft ToDraft()
    {
        var ods = InputText.Optional(OdsCode, "odsCode", 6)?.ToUpperInvariant();
        if (ods is not null && !OdsCodePattern().IsMatch(ods))
        {
            throw new BadUserInputError("odsCode", "odsCode must be 3 to 6 letters and digits, as the NHS Organisation Data Service issues them.");
        }

        return new OrganisationDraft(
            Id is { } id ? GlobalId.Parse(id, "Organisation", "id") : null, ods, InputText.Required(Name, "name", NameMax), Type,
            IntegratedCareSystemId is { } ics ? GlobalId.Parse(ics, "IntegratedCareSystem", "integratedCareSystemId") : null);
    }

    [GeneratedRegex("^[A-Z0-9]{3,6}$")]
    private static partial Regex OdsCodePattern();
}
