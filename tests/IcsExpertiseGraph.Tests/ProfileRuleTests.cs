using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Profiles;
using static IcsExpertiseGraph.Tests.RuleAssert;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// The profile's own rules (ProfileRules, SkillRules, ProfileValidation) as a caller meets them: what is refused and why,
/// where a limit falls, and what the audit trail records. ProfileTests runs the same rules through the service.
/// </summary>
public sealed class ProfileRuleTests
{
    private static readonly ProfileChanges Nothing = new(default, default, default, default, default, default, default, default, default, default);

    private static ProfileChanges Checked(ProfileChanges changes) => ProfileValidation.Checked(changes);

    [Fact]
    public void EachTextHasItsLimitExactlyAndALongerOneIsRefusedNamingItsFieldAndTheLimit()
    {
        foreach (var (field, max, change) in new (string, int, Func<string, ProfileChanges>)[]
        {
            ("displayName", ProfileValidation.DisplayNameMax, t => Nothing with { DisplayName = Change.To(t) }),
            ("headline", ProfileValidation.HeadlineMax, t => Nothing with { Headline = Change.To<string?>(t) }),
            ("bio", ProfileValidation.BioMax, t => Nothing with { Bio = Change.To<string?>(t) }),
            ("availability.terms", ProfileValidation.TermsMax, t => Nothing with { Terms = Change.To<string?>(t) }),
        })
        {
            Checked(change(new string('x', max)));
            Refuses<BadUserInputError>(() => Checked(change(new string('x', max + 1))), field, field, max.ToString(System.Globalization.CultureInfo.InvariantCulture), "characters");
        }
    }

    [Fact]
    public void HoursPerMonthRunFromNoneToTheMostAndNoFurther()
    {
        Assert.Equal(0, Checked(Nothing with { HoursPerMonth = Change.To<int?>(0) }).HoursPerMonth.Value);
        Assert.Equal(ProfileValidation.HoursPerMonthMax, Checked(Nothing with { HoursPerMonth = Change.To<int?>(ProfileValidation.HoursPerMonthMax) }).HoursPerMonth.Value);
        foreach (var hours in new[] { -1, ProfileValidation.HoursPerMonthMax + 1 })
        {
            Refuses<BadUserInputError>(() => Checked(Nothing with { HoursPerMonth = Change.To<int?>(hours) }), "availability.hoursPerMonth", "hoursPerMonth", "between 0 and 200");
        }
    }

    [Fact]
    public void YearsOfASkillRunFromNoneToSixtyAndNoFurther()
    {
        Assert.Equal(0, ProfileValidation.CheckedYears(0));
        Assert.Equal(ProfileValidation.YearsMax, ProfileValidation.CheckedYears(ProfileValidation.YearsMax));
        Assert.Null(ProfileValidation.CheckedYears(null));
        foreach (var years in new[] { -1, ProfileValidation.YearsMax + 1 })
        {
            Refuses<BadUserInputError>(() => ProfileValidation.CheckedYears(years), "years", "years", "between 0 and 60");
        }
    }

    [Fact]
    public void NamesAndEmailsAreKeptWithoutTheSpacesAroundThem()
    {
        var changes = Checked(Nothing with { DisplayName = Change.To("  Jane Smith "), Email = Change.To<string?>(" jane.smith@nhs.net  ") });

        Assert.Equal(Change.To("Jane Smith"), changes.DisplayName);
        Assert.Equal(Change.To<string?>("jane.smith@nhs.net"), changes.Email);
        Assert.False(Checked(Nothing).DisplayName.IsSet);
        Assert.False(Checked(Nothing).Email.IsSet);
    }

    [Fact]
    public void ABlankOrTooLongNameIsRefusedSayingHowLongANameMayBe()
    {
        Refuses<BadUserInputError>(() => Checked(Nothing with { DisplayName = Change.To("   ") }), "displayName", "displayName", "1 to 120 characters");
        Refuses<BadUserInputError>(() => Checked(Nothing with { DisplayName = Change.To(new string('x', 121)) }), "displayName", "1 to 120 characters");
    }

    [Theory]
    [InlineData("jane.smith")]
    [InlineData("jane@nhs")]
    [InlineData("jane smith@nhs.net")]
    [InlineData("Jane <jane@nhs.net>")]
    public void AnEmailMustBeOneAddressWithADomain(string email) =>
        Refuses<BadUserInputError>(() => Checked(Nothing with { Email = Change.To<string?>(email) }), "email", "single email address");

    [Fact]
    public void AnEmailMayBeAsLongAsTheStandardAllowsAndNoLonger()
    {
        var longest = new string('a', 64) + "@" + new string('b', 60) + "." + new string('c', 60) + "." + new string('d', 60) + ".nhs.uk";
        Assert.Equal(ProfileValidation.EmailMax, longest.Length);

        Assert.Equal(longest, Checked(Nothing with { Email = Change.To<string?>(longest) }).Email.Value);
        Refuses<BadUserInputError>(() => Checked(Nothing with { Email = Change.To<string?>("a" + longest) }), "email", "email address");
    }

    [Fact]
    public void AnOrcidWithAWrongCheckDigitIsRefusedSayingWhatAnOrcidLooksLike() =>
        Refuses<BadUserInputError>(() => Checked(Nothing with { Orcid = Change.To<string?>("0000-0002-1825-0098") }), "orcid", "ORCID iD", "check digit");

    [Fact]
    public void ASignInThatHasAProfileIsToldSo() => Says(ProfileRules.AlreadyHasProfile(), "me", "already has a profile");

    [Fact]
    public void ANewProfileStartsPrivateAndTheTrailSaysSo()
    {
        var person = Guid.NewGuid();

        var created = ProfileRules.Created(person, "Jane Smith");

        Assert.Equal(AuditActions.CreateProfile, created.Action);
        Assert.Equal(person, created.Subject);
        Assert.Equal("PRIVATE", Json(created.After)!["visibility"]!.GetValue<string>());
        Assert.Equal("Jane Smith", Json(created.After)!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void TheTrailTellsHowASignInWasLinkedToAProfile()
    {
        var person = Guid.NewGuid();

        var byEmail = Json(ProfileRules.LinkedByEmail(person).After)!["linkedBy"]!.GetValue<string>();
        var byIssuer = Json(ProfileRules.LinkedByLocalIssuer(person).After)!["linkedBy"]!.GetValue<string>();

        Assert.Contains("email", byEmail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("issuer", byIssuer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnImportNamingAnUnknownOrganisationNamesTheRowAsAPersonCountsItAndTheCode()
    {
        // Row index 2 is the third row of the caller's file.
        var refusal = ProfileRules.UnknownOrganisation(2, "RXX99");

        Says(refusal, "rows[2].organisationOdsCode", "Row 3:", "RXX99");
    }

    [Fact]
    public void AnImportedPersonIsRecordedAsCreatedOrUpdated()
    {
        var import = new PersonImport("jane@nhs.net", "Jane", null, null, null, "R1", null);

        Assert.Equal(AuditActions.ImportCreate, ProfileRules.Imported(Guid.NewGuid(), true, import).Action);
        Assert.Equal(AuditActions.ImportUpdate, ProfileRules.Imported(Guid.NewGuid(), false, import).Action);
    }

    [Fact]
    public void ANewClaimHasNothingBeforeItInTheTrailAndAChangedOneKeepsWhatItWas()
    {
        var person = Guid.NewGuid();
        var claim = new SkillClaim(Guid.NewGuid(), SkillLevel.Expert, SkillEvidence.Project, 5);

        var (newVerified, fresh) = SkillRules.Set(person, claim, null);
        var (changedVerified, changed) = SkillRules.Set(person, claim, new SkillHolding(SkillLevel.Practitioner, EnumText.Name(SkillEvidence.Project), 5, true));

        Assert.False(newVerified);
        Assert.Null(fresh.Before);
        Assert.False(changedVerified);
        Assert.Equal("PRACTITIONER", Json(changed.Before)!["before"]!["Level"]!.GetValue<string>());
        Assert.Equal("EXPERT", Json(changed.After)!["level"]!.GetValue<string>());
    }

    [Fact]
    public void SkillRefusalsSayWhy()
    {
        var me = Guid.NewGuid();

        Refuses<NotFoundException>(() => SkillRules.Remove(me, Guid.NewGuid(), false), "skillId", "does not list that skill");
        Refuses<RuleViolationException>(() => SkillRules.CheckEndorser(me, me), "personId", "cannot endorse your own");
        Refuses<RuleViolationException>(() => SkillRules.CheckEndorsee(false), "skillId", "does not list this skill", "cannot be endorsed");
        Refuses<DuplicateException>(() => SkillRules.Endorse(me, Guid.NewGuid(), false), "skillId", "already endorsed");
        Refuses<NotFoundException>(() => SkillRules.Verify(me, Guid.NewGuid(), false), "skillId", "does not list this skill");
    }

    [Fact]
    public void AVerificationIsRecordedAsTheSkillGoingFromUnverifiedToVerified()
    {
        var skill = Guid.NewGuid();

        var verified = SkillRules.Verify(Guid.NewGuid(), skill, true);

        Assert.Equal(AuditActions.VerifySkill, verified.Action);
        Assert.False(Json(verified.Before)!["verified"]!.GetValue<bool>());
        Assert.True(Json(verified.After)!["verified"]!.GetValue<bool>());
        Assert.Equal(skill, Json(verified.After)!["skillId"]!.GetValue<Guid>());
    }
}
