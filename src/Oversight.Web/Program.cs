using Oversight.Web.Hosting;
using Oversight.Web.Organisation;

var (demo, hostArgs) = StartupOptions.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.Services.AddOversightWeb(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync(demo);

app.UseOversightWeb();
app.MapHealthEndpoint();
app.MapApiReference();
app.MapOrganisationEndpoints();
app.MapRazorPages();

app.Run();

/// <summary>The web host's entry point; public so that tests can start it.</summary>
public partial class Program;
