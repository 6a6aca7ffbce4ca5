using System.Text.Json;
using System.Text.Json.Nodes;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Tests;

/// <summary>What a caller sees of a rule's decision: a refusal's code, field and reason, and the audit trail's JSON.</summary>
internal static class RuleAssert
{
    /// <summary>
    /// The rule refuses with <typeparamref name="T"/> naming <paramref name="field"/>, and its message (what the caller reads in
    /// <c>errors[0].message</c>) says why, in the words given.
    /// </summary>
    public static T Refuses<T>(Action decide, string field, params string[] words) where T : CodedException
    {
        var refusal = Assert.Throws<T>(decide);
        Says(refusal, field, words);
        return refusal;
    }

    /// <summary>A refusal names <paramref name="field"/> and says why in the words given (also for one a rule returns for the store to throw).</summary>
    public static void Says(CodedException refusal, string field, params string[] words)
    {
        Assert.Equal(field, refusal.Field);
        foreach (var word in words)
        {
            Assert.Contains(word, refusal.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>An audit entry's before or after as the stores write it (<c>me { auditTrail { before after } }</c>): the same JSON.</summary>
    public static JsonObject? Json(object? state) => state is null ? null : JsonNode.Parse(JsonSerializer.Serialize(state))!.AsObject();

    public static Person Person(Visibility visibility = Visibility.Network, Availability? availability = null, string? email = "someone@nhs.test") =>
        new(Guid.NewGuid(), "Sam Someone", null, null, email, null, visibility, availability ?? new Availability(AvailabilityStatus.Open, 10, true, null), null, null, 3,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
