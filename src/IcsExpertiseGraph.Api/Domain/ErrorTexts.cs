namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// The words of the errors more than one rule or store lookup gives, in one place. An error only one rule gives is
/// worded in that rule (<c>ProfileRules</c>, <c>SkillRules</c>, <c>ProjectRules</c>, <c>OrganisationRules</c>,
/// <c>InvitationRules</c>); a test checks that no rule text is written in both stores.
/// </summary>
public static class ErrorTexts
{
    /// <summary>The one answer for a person who does not exist and one the caller may not see, so errors enumerate no one.</summary>
    public const string NoSuchPerson = "There is no such person.";

    public const string NoSuchSkill = "There is no such skill in the taxonomy.";

    /// <summary>The one answer for a project that does not exist and one the caller may not see.</summary>
    public const string NoSuchProject = "There is no such project.";

    public const string NoSuchOrganisation = "There is no such organisation.";

    public const string NoSuchIntegratedCareSystem = "There is no such ICS.";

    /// <summary>An id the caller gave for an ICS names none.</summary>
    public const string NoIntegratedCareSystemWithId = "There is no ICS with that id.";

    /// <summary>An id the caller gave for an organisation names none.</summary>
    public const string NoOrganisationWithId = "There is no organisation with that id.";

    /// <summary>Importing a whole network (the seed verb) into a store that holds one, without asking to replace it.</summary>
    public const string StoreHoldsNetwork = "The store already holds a network; import it with replaceExisting to replace it.";
}
