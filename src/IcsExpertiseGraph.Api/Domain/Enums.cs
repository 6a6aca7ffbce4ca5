namespace IcsExpertiseGraph.Api.Domain;

/// <summary>Who may see a person: everyone, signed-in network members, or only the person and admins.</summary>
public enum Visibility { Public, Network, Private }

public enum AvailabilityStatus { Open, Limited, NotAvailable }

public enum OrganisationType
{
    IntegratedCareBoard,
    AcuteTrust,
    CommunityTrust,
    MentalHealthTrust,
    AmbulanceTrust,
    PrimaryCareNetwork,
    GpPractice,
    LocalAuthority,
    Vcse,
    Academic,
    CommissioningSupport,
    Other,
}

/// <summary>Juran's trilogy plus assurance, and the two families of enabling expertise.</summary>
public enum QualityDomain
{
    QualityPlanning,
    QualityImprovement,
    QualityControl,
    QualityAssurance,
    SystemsThinking,
    ImprovementEnablers,
}

/// <summary>Ordered: a higher value is a deeper level. Coach means the person can teach the skill.</summary>
public enum SkillLevel { Awareness = 1, Practitioner = 2, Expert = 3, Coach = 4 }

/// <summary>What backs a claimed skill; none means self-declared.</summary>
public enum SkillEvidence { Training, Project, Credential, Publication }

public enum ProjectStatus { Planned, Active, Completed, Paused }

public enum ContributionRole { Lead, Member, Sponsor, Coach, Advisor }

/// <summary>
/// Who proposed a pending contribution, and so who must agree to it: the person asked to join (the project's leads decide;
/// a network manager where it has no lead), or a lead added them (they confirm).
/// </summary>
public enum JoinRequestKind { Request, Addition }

/// <summary>An answer to a pending contribution: approve (or, by the person added, confirm) it, or decline (or withdraw) it.</summary>
public enum JoinDecision { Approve, Decline }
