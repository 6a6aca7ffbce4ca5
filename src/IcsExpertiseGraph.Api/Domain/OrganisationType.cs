namespace IcsExpertiseGraph.Api.Domain;

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
