using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Seeding;

/// <summary>Word lists for the synthetic network: plausible NHS job titles, project topics and availability terms.</summary>
internal static class SeedVocabulary
{
    public static readonly string[] ProviderRoles =
    [
        "Quality improvement lead", "Improvement advisor", "Senior improvement facilitator", "Patient safety specialist",
        "Consultant physician", "Consultant anaesthetist", "Consultant psychiatrist", "Matron", "Ward sister", "Senior nurse",
        "Clinical nurse specialist", "Advanced clinical practitioner", "Physiotherapist", "Occupational therapist", "Pharmacist",
        "Data analyst", "Performance analyst", "Head of quality improvement", "Associate director of quality", "Clinical lead",
        "Operational manager", "Service manager", "Paramedic", "Clinical governance manager", "Transformation programme manager",
    ];

    public static readonly string[] CommissionerRoles =
    [
        "Head of quality", "Quality assurance manager", "Director of nursing and quality", "Commissioning manager",
        "Strategy and planning lead", "Population health analyst", "Clinical quality lead", "Senior programme manager",
        "Head of strategic planning", "Deputy director of quality", "Business intelligence lead", "Patient experience lead",
    ];

    public static readonly string[] PrimaryCareRoles =
    [
        "GP partner", "Salaried GP", "Practice manager", "Practice nurse", "Clinical pharmacist", "PCN clinical director",
        "Care coordinator", "Social prescribing link worker", "Advanced nurse practitioner",
    ];

    public static readonly string[] CommunityRoles =
    [
        "Public health consultant", "Public health registrar", "Adult social care lead", "Volunteer coordinator",
        "Chief executive", "Service development lead", "Research fellow", "Senior lecturer in improvement science",
        "Professor of health systems", "Community development worker",
    ];

    public static readonly string[] ProjectVerbs = ["Reducing", "Improving", "Redesigning", "Speeding up", "Standardising", "Co-designing", "Stabilising", "Measuring"];

    public static readonly string[] ProjectTopics =
    [
        "inpatient falls", "discharge before midday", "ambulance handover delays", "sepsis screening", "pressure ulcers",
        "outpatient follow-up waits", "MSK physiotherapy waiting times", "frailty pathways", "medicines reconciliation",
        "theatre utilisation", "emergency department flow", "mental health crisis response", "out-of-area placements",
        "childhood asthma admissions", "diabetes foot checks", "cancer 28-day diagnosis", "deteriorating patient escalation",
        "staff wellbeing huddles", "care home admissions", "learning disability health checks", "virtual ward referrals",
        "delayed transfers of care", "hypertension case finding", "antimicrobial stewardship", "board quality reporting",
        "incident learning responses", "health inequalities in screening uptake", "end-of-life care planning",
        "community nursing caseloads", "NHS 111 call-backs", "CAMHS referral-to-treatment", "stroke thrombolysis times",
    ];

    public static readonly string[] Settings =
    [
        "on elderly care wards", "across the system", "in primary care", "in the emergency department", "in community services",
        "across the place partnership", "in acute medicine", "in maternity", "in mental health wards", "across care homes",
    ];

    public static readonly string[] Outcomes =
    [
        "Sustained a shift in the SPC chart after six PDSA cycles.", "Reduced the median by a quarter; spread to two more sites.",
        "No special-cause change yet; learning shared with the network.", "Co-designed pathway adopted by the place board.",
        "Process now in standard work; control chart monitored monthly.", "Saved an estimated 1,200 bed days a year.",
    ];

    public static readonly string[] Terms =
    [
        "Remote or in person; with line manager agreement.", "Up to half a day a fortnight, remote preferred.",
        "Coaching only, by video call.", "Happy to review driver diagrams and measurement plans by email.",
        "Backfill needed for more than four hours a month.", "Available for cross-organisation projects in my ICS.",
    ];

    public static readonly string[] BioOpenings =
    [
        "I lead improvement work", "I support frontline teams with improvement", "I work on quality and safety",
        "I help boards use data well", "I coach teams through improvement projects", "I design services with patients and staff",
        "I bring systems thinking to messy problems", "I analyse data for improvement",
    ];

    /// <summary>How each kind of organisation leans across the quality domains (the mission text: commissioners to planning and assurance, providers to improvement and control).</summary>
    public static double[] DomainWeights(OrganisationType type) => type switch
    {
        // Planning, Improvement, Control, Assurance, SystemsThinking, Enablers
        OrganisationType.IntegratedCareBoard or OrganisationType.CommissioningSupport => [0.30, 0.10, 0.08, 0.30, 0.12, 0.10],
        OrganisationType.LocalAuthority => [0.30, 0.10, 0.05, 0.20, 0.20, 0.15],
        OrganisationType.Vcse => [0.15, 0.15, 0.05, 0.05, 0.25, 0.35],
        OrganisationType.Academic => [0.10, 0.20, 0.15, 0.05, 0.35, 0.15],
        OrganisationType.PrimaryCareNetwork or OrganisationType.GpPractice => [0.10, 0.35, 0.15, 0.12, 0.10, 0.18],
        _ => [0.08, 0.36, 0.20, 0.10, 0.10, 0.16],
    };
}
