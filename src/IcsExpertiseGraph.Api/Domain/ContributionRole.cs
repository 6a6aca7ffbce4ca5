namespace IcsExpertiseGraph.Api.Domain;

public enum ContributionRole { Lead, Member, Sponsor, Coach, Advisor }
