namespace IcsExpertiseGraph.Api.Domain;

/// <summary>What backs a claimed skill; none means self-declared.</summary>
public enum SkillEvidence { Training, Project, Credential, Publication }
