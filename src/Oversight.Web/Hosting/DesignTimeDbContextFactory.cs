using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;

namespace Oversight.Web.Hosting;

/// <summary>Lets <c>dotnet ef</c> build the context for either provider: pass <c>-- --Database:Provider PostgreSQL</c>.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OversightDbContext>
{
    public OversightDbContext CreateDbContext(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        if (configuration.GetConnectionString("Oversight") is null
            && string.Equals(configuration["Database:Provider"], nameof(DatabaseProvider.PostgreSQL), StringComparison.OrdinalIgnoreCase))
        {
            // Migrations are made without a server; the connection string only has to be well formed.
            configuration["ConnectionStrings:Oversight"] = "Host=127.0.0.1;Database=design";
        }

        var settings = DatabaseSettings.From(configuration);

        var options = new DbContextOptionsBuilder<OversightDbContext>();
        settings.Configure(options);
        return new OversightDbContext(options.Options, new Caller(), TimeProvider.System, new IndicatorFacts(new FactLayout(IndicatorCatalog.Shipped), new UnitGraphCache()));
    }
}
