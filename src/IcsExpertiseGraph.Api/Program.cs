using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Health;
using IcsExpertiseGraph.Api.Invitations;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Observability;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Projects;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Commands;
using IcsExpertiseGraph.Api.Web;

// The service and its command-line verbs share one configuration, so `seed` writes to the store the server reads.
// One line per feature; each AddX lives in its feature's folder, and none depends on the order of the others.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddExpertiseAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddExpertiseStore(builder.Configuration);
builder.Services.AddSeeding(builder.Configuration);
builder.Services.AddObservability(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddHardening(builder.Configuration);
builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddExperts(builder.Configuration);
builder.Services.AddNetwork();
builder.Services.AddProfiles();
builder.Services.AddProjects();
builder.Services.AddInvitations(builder.Configuration);
builder.Services.AddExpertiseGraphQL(builder.Configuration, builder.Environment);
builder.Services.AddWebUi(builder.Configuration);

var app = builder.Build();

// A verb (seed, migrate, token, import, export, backup, restore) runs and exits; no verb serves.
if (await Verbs.RunAsync(args, app.Services, app.Configuration) is { } exitCode)
{
    return exitCode;
}

app.UseWebUiAssets();
app.UseAuthentication();
app.UseRateLimits();
app.MapHealth();
app.MapExpertiseGraphQL();
app.MapExports();
app.MapWebUi();
app.MapGraphiQL();

await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
