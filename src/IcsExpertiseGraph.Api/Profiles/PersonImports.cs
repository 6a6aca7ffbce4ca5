using GraphQL;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Profiles;

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
        catch (Exception e) when (e is BadUserInputError or InvalidInputException)
        {
            // A row names its first fault: the import is refused whole, and the row is fixed and sent again.
            var error = e as BadUserInputError ?? ((InvalidInputException)e).Errors[0];
            throw new BadUserInputError($"rows[{index}].{error.Field}", $"Row {index + 1}: {error.Message}");
        }
    }
}
