using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Tests;

/// <summary>The small rules of Domain/ as a caller meets them: when an invitation expires, how a new profile is named, what a conflict says.</summary>
public sealed class DomainRuleTests
{
    private static readonly DateTimeOffset RespondBy = new(2026, 12, 17, 17, 0, 0, TimeSpan.Zero);

    private static Invitation Invitation(InvitationStatus status) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Design", [], 8, null, RespondBy, status, RespondBy.AddDays(-14), null, null, null);

    [Fact]
    public void AnUnansweredInvitationExpiresAtItsRespondByAndNotBefore()
    {
        var sent = Invitation(InvitationStatus.Sent);

        Assert.Equal(InvitationStatus.Sent, sent.StatusAt(RespondBy.AddTicks(-1)));
        Assert.Equal(InvitationStatus.Expired, sent.StatusAt(RespondBy));
        Assert.Equal(InvitationStatus.Expired, sent.StatusAt(RespondBy.AddDays(1)));
    }

    [Theory]
    [InlineData(InvitationStatus.Accepted)]
    [InlineData(InvitationStatus.Declined)]
    [InlineData(InvitationStatus.Withdrawn)]
    public void AnAnsweredOrWithdrawnInvitationStaysAsItWasAfterItsRespondBy(InvitationStatus status)
    {
        Assert.Equal(status, Invitation(status).StatusAt(RespondBy.AddDays(30)));
        Assert.Equal(status, Invitation(status).StatusAt(RespondBy.AddDays(-1)));
    }

    private static SignedInIdentity Identity(string? name) => new("oid-1", "jane@nhs.net", true, name, new HashSet<string>());

    [Theory]
    [InlineData(null, "New member")]
    [InlineData("   ", "New member")]
    [InlineData("  Jane Smith ", "Jane Smith")]
    public void ANewProfileIsNamedFromTheSignInOrAsANewMember(string? name, string expected) =>
        Assert.Equal(expected, ProfileStart.DisplayName(Identity(name)));

    [Fact]
    public void ANewProfilesNameIsCutToTheLongestANameMayBe()
    {
        var name = ProfileStart.DisplayName(Identity(new string('x', ProfileStart.MaxDisplayName + 30)));

        Assert.Equal(ProfileStart.MaxDisplayName, name.Length);
        Assert.Equal("Jo", ProfileStart.DisplayName(Identity("Jo")));
    }

    [Fact]
    public void AVersionConflictTellsTheCallerTheCurrentVersionAndWhatToDo()
    {
        var conflict = new VersionConflictException(7);

        Assert.Equal(7, conflict.CurrentVersion);
        Assert.Equal(ErrorCodes.Conflict, conflict.Code);
        Assert.Equal("expectedVersion", conflict.Field);
        Assert.Contains("version 7", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("Read it again", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACallerWithoutATokenIsToldToSignIn()
    {
        var refusal = CodedError.Unauthenticated();

        Assert.Equal(ErrorCodes.Unauthenticated, refusal.Code);
        Assert.Null(refusal.Field);
        Assert.Contains("Sign in", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumValuesAreSpelledAsTheApiSpellsThemAndReadBack()
    {
        Assert.Equal("NOT_AVAILABLE", EnumText.Name(AvailabilityStatus.NotAvailable));
        Assert.Equal("OPEN", EnumText.Name(AvailabilityStatus.Open));
        Assert.Equal("INTEGRATED_CARE_BOARD", EnumText.Name(OrganisationType.IntegratedCareBoard));
        Assert.Equal(OrganisationType.GpPractice, EnumText.Parse<OrganisationType>("GP_PRACTICE"));
        var refusal = Assert.Throws<FormatException>(() => EnumText.Parse<Visibility>("SECRET"));
        Assert.Contains("SECRET", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Visibility), refusal.Message, StringComparison.Ordinal);
    }
}
