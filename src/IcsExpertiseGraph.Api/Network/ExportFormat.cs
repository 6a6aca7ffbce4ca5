namespace IcsExpertiseGraph.Api.Network;

public enum ExportFormat { GraphMl, Json }
