namespace IcsExpertiseGraph.Api.Domain;

/// <summary>Ordered: a higher value is a deeper level. Coach means the person can teach the skill.</summary>
public enum SkillLevel { Awareness = 1, Practitioner = 2, Expert = 3, Coach = 4 }
