namespace IcsExpertiseGraph.Api.Domain;

public enum AvailabilityStatus { Open, Limited, NotAvailable }
