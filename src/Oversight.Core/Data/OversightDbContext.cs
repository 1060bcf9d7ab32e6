using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Calendar;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Petitions;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Data;

/// <summary>The one database model of Oversight, for SQLite and PostgreSQL alike.</summary>
/// <remarks>
/// Every save appends audit entries for what it changed, and changes the indicators' facts of the records it changed,
/// in the same transaction (see <see cref="AuditTrail"/> and <see cref="Indicators.IndicatorFacts"/>).
/// Migrations, one set per provider, are made with:
/// <code>
/// dotnet ef migrations add NAME --project src/Oversight.Migrations.Sqlite --startup-project src/Oversight.Web -- --Database:Provider Sqlite
/// dotnet ef migrations add NAME --project src/Oversight.Migrations.PostgreSQL --startup-project src/Oversight.Web -- --Database:Provider PostgreSQL
/// </code>
/// </remarks>
public sealed class OversightDbContext(DbContextOptions<OversightDbContext> options, Caller caller, TimeProvider time, Indicators.IndicatorFacts facts)
    : IdentityDbContext<OversightUser>(options), IDataProtectionKeyContext
{
    private bool savingAudit;

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitVersion> UnitVersions => Set<UnitVersion>();

    public DbSet<LineageEvent> LineageEvents => Set<LineageEvent>();

    public DbSet<LineageLink> LineageLinks => Set<LineageLink>();

    public DbSet<StructureStamp> StructureStamps => Set<StructureStamp>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PartyMembership> PartyMemberships => Set<PartyMembership>();

    public DbSet<PositionHeld> Positions => Set<PositionHeld>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CitizenCase> Cases => Set<CitizenCase>();

    public DbSet<CaseExtension> CaseExtensions => Set<CaseExtension>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<CaseNotice> CaseNotices => Set<CaseNotice>();

    public DbSet<ReceptionSession> ReceptionSessions => Set<ReceptionSession>();

    public DbSet<DialogueMeeting> DialogueMeetings => Set<DialogueMeeting>();

    public DbSet<DialogueMeetingCase> DialogueMeetingCases => Set<DialogueMeetingCase>();

    public DbSet<Directive> Directives => Set<Directive>();

    public DbSet<Manifestation> Manifestations => Set<Manifestation>();

    public DbSet<DisseminationEvent> DisseminationEvents => Set<DisseminationEvent>();

    public DbSet<DisseminationAttendance> DisseminationAttendance => Set<DisseminationAttendance>();

    public DbSet<DisseminationCompletion> DisseminationCompletions => Set<DisseminationCompletion>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<InspectionTarget> InspectionTargets => Set<InspectionTarget>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();

    public DbSet<DisciplineDecision> DisciplineDecisions => Set<DisciplineDecision>();

    public DbSet<PersonnelMove> PersonnelMoves => Set<PersonnelMove>();

    public DbSet<Indicators.ReportedFigure> ReportedFigures => Set<Indicators.ReportedFigure>();

    public DbSet<Documents.InspectionDocument> InspectionDocuments => Set<Documents.InspectionDocument>();

    public DbSet<Documents.DocumentVersion> DocumentVersions => Set<Documents.DocumentVersion>();

    public DbSet<Documents.DocumentFigures> DocumentFigures => Set<Documents.DocumentFigures>();

    public DbSet<Documents.DocumentStep> DocumentSteps => Set<Documents.DocumentStep>();

    public DbSet<Attachments.Attachment> Attachments => Set<Attachments.Attachment>();

    public DbSet<Imports.ImportJob> ImportJobs => Set<Imports.ImportJob>();

    public DbSet<PublicServices.Dossier> Dossiers => Set<PublicServices.Dossier>();

    public DbSet<PublicServices.AppInstallation> AppInstallations => Set<PublicServices.AppInstallation>();

    public DbSet<Scores.ScoreIndex> ScoreIndices => Set<Scores.ScoreIndex>();

    public DbSet<Scores.IndexYear> IndexYears => Set<Scores.IndexYear>();

    public DbSet<Scores.IndexComponent> IndexComponents => Set<Scores.IndexComponent>();

    public DbSet<Scores.IndexScore> IndexScores => Set<Scores.IndexScore>();

    public DbSet<RulePack> RulePacks => Set<RulePack>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Notifications.DigestRun> DigestRuns => Set<Notifications.DigestRun>();

    public DbSet<HolidaySchedule> HolidaySchedules => Set<HolidaySchedule>();

    /// <summary>The Data Protection key ring, shared by every node (confidential fields, cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<UnitKind>().HaveConversion<WireEnumConverter<UnitKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<LineageKind>().HaveConversion<WireEnumConverter<LineageKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<Gender>().HaveConversion<WireEnumConverter<Gender>>().HaveMaxLength(16);
        configurationBuilder.Properties<SensitiveField>().HaveConversion<WireEnumConverter<SensitiveField>>().HaveMaxLength(32);
        configurationBuilder.Properties<CaseKind>().HaveConversion<WireEnumConverter<CaseKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<CaseChannel>().HaveConversion<WireEnumConverter<CaseChannel>>().HaveMaxLength(32);
        configurationBuilder.Properties<CaseStatus>().HaveConversion<WireEnumConverter<CaseStatus>>().HaveMaxLength(32);
        configurationBuilder.Properties<CaseAction>().HaveConversion<WireEnumConverter<CaseAction>>().HaveMaxLength(32);
        configurationBuilder.Properties<NoticeKind>().HaveConversion<WireEnumConverter<NoticeKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<HostRole>().HaveConversion<WireEnumConverter<HostRole>>().HaveMaxLength(32);
        configurationBuilder.Properties<SessionKind>().HaveConversion<WireEnumConverter<SessionKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<DialogueLevel>().HaveConversion<WireEnumConverter<DialogueLevel>>().HaveMaxLength(16);
        configurationBuilder.Properties<InspectionKind>().HaveConversion<WireEnumConverter<InspectionKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<TargetKind>().HaveConversion<WireEnumConverter<TargetKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<FollowUpStatus>().HaveConversion<WireEnumConverter<FollowUpStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<ProgressKind>().HaveConversion<WireEnumConverter<ProgressKind>>().HaveMaxLength(16);
        configurationBuilder.Properties<DecidingBody>().HaveConversion<WireEnumConverter<DecidingBody>>().HaveMaxLength(32);
        configurationBuilder.Properties<DisciplineSubject>().HaveConversion<WireEnumConverter<DisciplineSubject>>().HaveMaxLength(32);
        configurationBuilder.Properties<DisciplineForm>().HaveConversion<WireEnumConverter<DisciplineForm>>().HaveMaxLength(32);
        configurationBuilder.Properties<MoveKind>().HaveConversion<WireEnumConverter<MoveKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<MoveReason>().HaveConversion<WireEnumConverter<MoveReason>>().HaveMaxLength(32);
        configurationBuilder.Properties<PublicServices.ServiceLevel>().HaveConversion<WireEnumConverter<PublicServices.ServiceLevel>>().HaveMaxLength(16);
        configurationBuilder.Properties<PublicServices.DossierChannel>().HaveConversion<WireEnumConverter<PublicServices.DossierChannel>>().HaveMaxLength(16);
        configurationBuilder.Properties<PublicServices.OnlineService>().HaveConversion<WireEnumConverter<PublicServices.OnlineService>>().HaveMaxLength(16);
        configurationBuilder.Properties<PublicServices.DossierResult>().HaveConversion<WireEnumConverter<PublicServices.DossierResult>>().HaveMaxLength(16);
        configurationBuilder.Properties<PostKind>().HaveConversion<WireEnumConverter<PostKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<Documents.DocumentKind>().HaveConversion<WireEnumConverter<Documents.DocumentKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<Documents.DocumentStatus>().HaveConversion<WireEnumConverter<Documents.DocumentStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<Documents.DocumentAction>().HaveConversion<WireEnumConverter<Documents.DocumentAction>>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OversightDbContext).Assembly);
        foreach (var stamped in builder.Model.GetEntityTypes().Where(t => typeof(IStamped).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(stamped.ClrType).Property(nameof(IStamped.ConcurrencyStamp)).IsConcurrencyToken().HasAnnotation(AuditTrail.NotAudited, true);
        }

        builder.Entity<OversightUser>(user =>
        {
            user.Property(u => u.PasswordHash).HasAnnotation(AuditTrail.NotAudited, true);
            user.Property(u => u.SecurityStamp).HasAnnotation(AuditTrail.NotAudited, true);
            user.Property(u => u.ConcurrencyStamp).HasAnnotation(AuditTrail.NotAudited, true);
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Language).HasMaxLength(8);
            user.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        if (Database.IsNpgsql())
        {
            // The register's words are found anywhere in a case's search text through its trigrams, so a rare word
            // (a reference, a name) does not read every case (SQLite has its own: Petitions/CaseSearchIndex.cs).
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<CitizenCase>().HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<Inspection>().HasIndex(i => i.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<FollowUpTask>().HasIndex(t => t.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (savingAudit)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        ChangeTracker.DetectChanges();
        PrepareForSave();
        if (!ChangeTracker.HasChanges())
        {
            return 0;
        }

        // The records are read after the rows are saved, when generated keys are known.
        var changes = AuditTrail.Capture(ChangeTracker);
        return await SaveWithAuditAsync(token => base.SaveChangesAsync(acceptAllChangesOnSuccess, token), () => changes.Select(AuditTrail.ToRecord), trackFacts: true, cancellationToken);
    }

    /// <summary>
    /// Appends an audit entry for an event that is not the change of a row Oversight audits (a confidential value was
    /// shown, a file of the portal's records was imported), with its <paramref name="details"/> (kept as JSON in the
    /// entry's <c>After</c>), in its own transaction unless one is open.
    /// </summary>
    public Task AuditEventAsync(string action, string entityType, string entityId, Guid? unitId, object? details = null, CancellationToken cancellationToken = default) =>
        SaveWithAuditAsync(_ => Task.FromResult(0), () =>
        [
            new AuditTrail.AuditRecord(action, entityType, entityId, unitId, null, details is null ? null : JsonSerializer.Serialize(details, AuditTrail.Json)),
        ], trackFacts: false, cancellationToken);

    /// <summary>
    /// Saves rows, then the change of the facts of the records they are (when <paramref name="trackFacts"/>) and their
    /// audit entries (if any), in one write transaction (its own unless one is open).
    /// </summary>
    private async Task<int> SaveWithAuditAsync(
        Func<CancellationToken, Task<int>> saveRows, Func<IEnumerable<AuditTrail.AuditRecord>> records, bool trackFacts, CancellationToken cancellationToken)
    {
        var ownTransaction = Database.CurrentTransaction is null ? await WriteTransaction.BeginAsync(Database, cancellationToken) : null;
        try
        {
            // A change of the unit structure may change the keys facts are rolled up by: other writers of facts wait,
            // and the rolled-up rows are rebuilt before this transaction commits.
            var structureChanged = ChangeTracker.Entries<StructureStamp>().Any(e => e.State is EntityState.Added or EntityState.Modified);
            if (structureChanged)
            {
                await facts.HoldForStructureChangeAsync(this, cancellationToken);
            }

            var factChange = trackFacts ? await facts.BeginAsync(this, ChangeTracker, cancellationToken) : null;
            var saved = await saveRows(cancellationToken);
            if (structureChanged)
            {
                await facts.EnsureRollupsAsync(this, cancellationToken);
            }

            if (factChange is not null)
            {
                await factChange.WriteAsync(cancellationToken);
            }

            var pending = records().ToList();
            if (pending.Count > 0)
            {
                AuditEntries.AddRange(AuditEntriesOf(pending));
                savingAudit = true;
                try
                {
                    await base.SaveChangesAsync(true, cancellationToken);
                }
                finally
                {
                    savingAudit = false;
                }
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>NFC-normalises every text, folds search names, renews the concurrency stamps of changed records and the structure stamp.</summary>
    private void PrepareForSave()
    {
        var structureChanged = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.State != EntityState.Deleted)
            {
                foreach (var property in entry.Properties)
                {
                    if (property.CurrentValue is string text && !text.IsNormalized())
                    {
                        property.CurrentValue = text.Normalize();
                    }
                }
            }

            switch (entry.Entity)
            {
                case UnitVersion version when entry.State != EntityState.Deleted:
                    version.Name = VietnameseText.Normalize(version.Name) ?? version.Name;
                    version.SearchName = VietnameseText.Fold(version.Name);
                    break;
                case CitizenCase citizenCase when entry.State != EntityState.Deleted:
                    citizenCase.UpdateDerived();
                    break;
                case Inspection inspection when entry.State != EntityState.Deleted:
                    inspection.UpdateSearchText();
                    break;
                case FollowUpTask task when entry.State != EntityState.Deleted:
                    task.UpdateSearchText();
                    break;
                case Person person when entry.State != EntityState.Deleted:
                    person.FullName = VietnameseText.Normalize(person.FullName) ?? person.FullName;
                    person.SearchName = VietnameseText.Fold(person.FullName);
                    break;
                case OversightUser user when entry.State == EntityState.Modified:
                    // Claims kept for API tokens are rebuilt when the account's stamp changes (UserManager renews it too).
                    user.ConcurrencyStamp = Guid.NewGuid().ToString();
                    break;
            }

            // An edit gives its record a new stamp itself (RecordEdits), also when only its parts changed; any other change
            // of a stamped record gets one here.
            if (entry.Entity is IStamped stamped && entry.State == EntityState.Modified && !entry.Property(nameof(IStamped.ConcurrencyStamp)).IsModified)
            {
                stamped.ConcurrencyStamp = Guid.NewGuid();
            }

            structureChanged |= entry.Entity is Unit or UnitVersion or LineageEvent or LineageLink;
        }

        if (structureChanged)
        {
            TouchStructureStamp();
        }
    }

    /// <summary>
    /// The audit entries of <paramref name="records"/>, by the caller, at this moment, for the caller to insert in the
    /// current transaction (the context's own save, or a bulk path that writes rows without the change tracker). They
    /// join the chain once committed (<see cref="AuditSealer"/>): writers never wait on each other for the chain.
    /// </summary>
    internal List<AuditEntry> AuditEntriesOf(IEnumerable<AuditTrail.AuditRecord> records)
    {
        var at = AuditChain.Truncate(time.GetUtcNow());
        return records.Select(record => new AuditEntry
        {
            At = at,
            Actor = caller.Name,
            Action = record.Action,
            EntityType = record.EntityType,
            EntityId = record.EntityId,
            UnitId = record.UnitId,
            Before = record.Before,
            After = record.After,
        }).ToList();
    }

    /// <summary>Tells every application node to reload its unit graph (see <see cref="StructureStamp"/>).</summary>
    internal void TouchStructureStamp()
    {
        var stamp = StructureStamps.Local.FirstOrDefault() ?? StructureStamps.Find(StructureStamp.SingletonId);
        if (stamp is null)
        {
            StructureStamps.Add(new StructureStamp { Id = StructureStamp.SingletonId, Version = Guid.NewGuid() });
        }
        else
        {
            stamp.Version = Guid.NewGuid();
        }
    }
}

/// <summary>Stores an enum as its kebab-case wire name.</summary>
public sealed class WireEnumConverter<TEnum>() : ValueConverter<TEnum, string>(v => WireNames<TEnum>.ToWire(v), s => WireNames<TEnum>.FromWire(s))
    where TEnum : struct, Enum;

/// <summary>
/// One row that changes whenever units or lineage change, so that every application node knows when to
/// reload its in-memory unit graph.
/// </summary>
public sealed class StructureStamp
{
    public const int SingletonId = 1;

    public int Id { get; init; }

    public Guid Version { get; set; }
}
