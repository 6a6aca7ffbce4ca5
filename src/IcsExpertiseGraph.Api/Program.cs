using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Hardening;
using IcsExpertiseGraph.Api.Health;
using IcsExpertiseGraph.Api.Network;
using IcsExpertiseGraph.Api.Observability;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Seeding;
using IcsExpertiseGraph.Api.Storage;
using IcsExpertiseGraph.Api.Storage.Sqlite;
using IcsExpertiseGraph.Api.Web;

// The service and its command-line verbs share one configuration, so `seed` writes to the store the server reads.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddExpertiseAuthentication(builder.Configuration, builder.Environment);
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
builder.Services.AddExpertiseStore(builder.Configuration);
builder.Services.AddObservability(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddHardening(builder.Configuration);
builder.Services.AddExpertiseGraphQL(builder.Configuration, builder.Environment);
IcsExpertiseGraph.Api.Invitations.InvitationsExtensions.AddInvitations(builder.Services, builder.Configuration);
builder.Services.AddWebUi(builder.Configuration);

var app = builder.Build();

switch (args)
{
    case ["migrate", ..]:
        return await MigrateCommand.RunAsync(app.Services, app.Configuration, CancellationToken.None);
    case ["seed", ..]:
        return await SeedCommand.RunAsync(args, app.Services, CancellationToken.None);
    case ["token", ..]:
        return await TokenCommand.RunAsync(args, app.Services, CancellationToken.None);
    case ["import", ..]:
        return await ImportCommand.RunAsync(args, app.Services, CancellationToken.None);
    case ["export", ..]:
        return await ExportCommand.RunAsync(args, app.Services, CancellationToken.None);
    case ["backup", ..]:
        return await SqliteBackupCommand.BackupAsync(args, app.Services, CancellationToken.None);
    case ["restore", ..]:
        return await SqliteBackupCommand.RestoreAsync(args, app.Services, CancellationToken.None);
}

app.UseWebUiAssets();
app.UseAuthentication();
app.UseRateLimits();
app.MapHealth();
app.MapExpertiseGraphQL();
app.MapExports();
app.MapWebUi();

await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
