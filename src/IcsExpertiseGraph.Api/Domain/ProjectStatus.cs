namespace IcsExpertiseGraph.Api.Domain;

public enum ProjectStatus { Planned, Active, Completed, Paused }
