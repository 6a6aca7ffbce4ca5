using GraphQL;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>
/// <c>UpdateProjectInput</c> read from its raw map (a field sent as null clears it, one not sent stays as it is, which a
/// bound record could not tell apart). Every field at fault is reported at once, as createProject does, so the page for
/// editing a project shows them all together and nothing is written.
/// </summary>
public static class UpdateProjectInput
{
    public static (Guid Id, ProjectChanges Changes) Read(IResolveFieldContext context, Dictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new InputErrors();
        var id = errors.Read(() => GlobalId.Parse(input.GetValueOrDefault("id") as string, "Project", "id"));
        var title = Sent(input, "title", errors, text => InputText.Required(text as string, "title", ProjectMutations.TitleMax));
        var aim = Sent(input, "aim", errors, text => InputText.Optional(text as string, "aim", ProjectMutations.TextMax));
        var outcome = Sent(input, "outcomeSummary", errors, text => InputText.Optional(text as string, "outcomeSummary", ProjectMutations.TextMax));
        var host = Sent(input, "hostOrganisationId", errors, host => host is string text ? GlobalId.Parse(text, "Organisation", "hostOrganisationId") : (Guid?)null);
        var methods = Sent(input, "methodSkillIds", errors, _ => context.IdListArgument(input, "methodSkillIds", "Skill", "methodSkillIds"));
        var start = input.TryGetValue("startDate", out var startValue) ? Change.To(startValue as DateOnly?) : default;
        var end = input.TryGetValue("endDate", out var endValue) ? Change.To(endValue as DateOnly?) : default;

        // Both dates sent: their order is an input fault like the others. One sent: the store checks it against the project's other date.
        if (start.IsSet && end.IsSet && start.Value > end.Value)
        {
            errors.Add("endDate", ProjectRules.EndBeforeStart);
        }

        errors.ThrowIfAny();
        var status = input.GetValueOrDefault("status") is ProjectStatus sent ? Change.To(sent) : default;
        return (id, new ProjectChanges(title, aim, status, start, end, outcome, host, methods));
    }

    /// <summary>The checked change of a field that was sent, or no change; a refused one is kept in <paramref name="errors"/>.</summary>
    private static Change<T> Sent<T>(Dictionary<string, object?> input, string key, InputErrors errors, Func<object?, T> check) =>
        input.TryGetValue(key, out var raw) ? errors.Read(() => Change.To(check(raw))) : default;
}
