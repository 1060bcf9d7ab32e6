using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.People;

namespace Oversight;

public static class ServiceCollectionExtensions
{
    /// <summary>The core of Oversight: database, accounts, audit and every feature's services. Web and CLI both call this.</summary>
    public static IServiceCollection AddOversightCore(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.From(configuration);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<OversightDbContext>(database.Configure);
        services.AddScoped<Caller>();
        services.AddScoped<CallerScope>();
        services.AddSingleton<UnitGraphCache>();

        // One key ring in the database, so that every node decrypts what another encrypted and keys survive restarts;
        // each key encrypted with the installation's key file, which is not in the database.
        services.AddSingleton(_ => Keys.InstallationKey.Load(configuration, database));
        services.AddDataProtection()
            .SetApplicationName("Oversight")
            .PersistKeysToDbContext<OversightDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<Keys.InstallationKey>((options, key) => options.XmlEncryptor = new Keys.KeyRingEncryptor(key));

        services.AddIdentityCore<OversightUser>(options =>
            {
                // NIST SP 800-63B: long, not common, no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddEntityFrameworkStores<OversightDbContext>();

        services.AddScoped<AccountService>();
        services.AddScoped<TokenHolders>();
        services.AddSingleton<AuditChain>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditCheckpoints>();
        services.AddScoped<AuditSealer>();
        services.AddScoped<UnitDirectory>();
        services.AddSingleton<Rules.RuleBook>();
        services.AddScoped<Rules.RulePackLoader>();
        services.AddScoped<Petitions.CaseWorkflow>();
        services.AddScoped<Petitions.CaseNotices>();
        services.AddScoped<Petitions.DenouncerIdentity>();
        services.AddScoped<Petitions.IdentityRevealLog>();
        services.AddScoped<PersonDirectory>();
        services.AddScoped<Organisation.ReferenceImport.ReferenceImporter>();
        services.AddScoped<Demo.DemoScenario>();
        services.AddScoped<Petitions.CaseRegister>();
        services.AddScoped<Petitions.CitizenSummary>();
        services.AddScoped<Petitions.ReceptionRecords>();
        services.AddScoped<Petitions.ReceptionFrequency>();
        services.AddScoped<Notifications.Inbox>();
        services.AddScoped<Notifications.NotificationCentre>();
        services.AddSingleton(Notifications.MailSettings.From(configuration));
        services.AddSingleton<Notifications.Mailer>().AddSingleton<Notifications.DailyDigests>();
        services.AddScoped<Petitions.ReceptionRegister>();
        services.AddScoped<Accountability.AccountabilitySummary>();
        services.AddScoped<Accountability.DirectiveChain>();
        services.AddScoped<Accountability.FollowUpTasks>();
        services.AddSingleton(Attachments.AttachmentSettings.From(configuration));
        services.TryAddSingleton<Attachments.IAttachmentStore, Attachments.LocalDiskAttachmentStore>();
        services.AddScoped<Attachments.AttachmentFiles>();
        services.AddSingleton(Backups.PostgresTools.From(configuration));
        services.AddScoped<Backups.DatabaseBackup>();
        services.AddSingleton(Exports.ExportSettings.From(configuration));
        services.AddSingleton(Imports.ImportSettings.From(configuration));
        services.AddScoped<Accountability.AccountabilityRecords>();
        services.AddScoped<Accountability.AccountabilityRegister>();
        services.AddScoped<PublicServices.DossierRegister>();
        services.AddScoped<Scores.IndexScores>();
        services.AddScoped<Accountability.SensitivePosts>();
        services.TryAddSingleton(_ => Indicators.IndicatorCatalog.Shipped);
        services.AddSingleton<Indicators.FactLayout>().AddSingleton<Indicators.IndicatorFacts>();
        services.AddScoped<Indicators.IndicatorEngine>();
        services.AddScoped<Indicators.FactCheck>();
        services.AddScoped<Indicators.ReportedFigures>();
        services.AddScoped<Indicators.Reconciliation>();
        services.AddScoped<Indicators.IndicatorValidation>();
        services.AddScoped<Indicators.IndicatorDashboard>();
        services.AddScoped<Reports.InspectionReport>();
        services.AddScoped<Documents.InspectionDocuments>();
        services.AddSingleton<Calendar.WorkingCalendarCache>().AddScoped<Calendar.WorkingCalendar>().AddScoped<Calendar.HolidayScheduleLoader>();
        services.AddOversightImports();
        return services;
    }
}
