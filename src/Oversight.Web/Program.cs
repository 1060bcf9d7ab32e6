using Oversight.Web.Accountability;
using Oversight.Web.Hosting;
using Oversight.Web.Indicators;
using Oversight.Web.Organisation;
using Oversight.Web.Petitions;
using Oversight.Web.Public;
using Oversight.Web.PublicServices;

var (demo, hostArgs) = StartupOptions.Parse(args);
// Settings and pages come from beside the program, wherever it is started from (the README runs it from the
// repository root); relative database paths such as data/oversight.db stay relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddOversightWeb(builder.Configuration);
builder.Services.AddPublicChannel(builder.Configuration);

var app = builder.Build();
if (!await app.InitializeDatabaseAsync(demo))
{
    return 1;
}

app.UseOversightWeb();
app.UsePublicChannel();
app.MapHealthEndpoint();
app.MapApiReference();
app.MapOrganisationEndpoints();
app.MapPetitionsEndpoints();
app.MapPetitionsReadEndpoints();
app.MapAccountabilityEndpoints();
app.MapPublicServiceEndpoints();
app.MapIndicatorEndpoints();
app.MapIndicatorExport();
app.MapPublicEndpoints();
app.MapRazorPages();

app.Run();
return 0;

/// <summary>The web host's entry point; public so that tests can start it.</summary>
public partial class Program;
