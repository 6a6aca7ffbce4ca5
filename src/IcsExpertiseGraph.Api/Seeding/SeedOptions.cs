namespace IcsExpertiseGraph.Api.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed a demo network when the service starts on an empty store.</summary>
    public bool DemoOnEmpty { get; set; } = true;

    public int DemoPeople { get; set; } = 2000;

    public int DemoSeed { get; set; } = 20260701;
}
