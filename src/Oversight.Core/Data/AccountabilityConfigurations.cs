using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Oversight.Accountability;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Text;

namespace Oversight.Data;

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> directive)
    {
        directive.Property(d => d.Symbol).HasMaxLength(64);
        directive.HasIndex(d => d.Symbol).IsUnique();
        directive.Property(d => d.IssuingBody).HasMaxLength(300);
        directive.Property(d => d.Title).HasMaxLength(500);
        directive.Property(d => d.Summary).HasMaxLength(4000);
        directive.HasOne<Unit>().WithMany().HasForeignKey(d => d.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
        directive.HasMany(d => d.Tasks).WithOne().HasForeignKey(t => t.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        directive.HasMany(d => d.Manifestations).WithOne().HasForeignKey(m => m.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        directive.HasMany(d => d.AppliedWith).WithOne().HasForeignKey(l => l.DirectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectiveTaskConfiguration : IEntityTypeConfiguration<DirectiveTask>
{
    public void Configure(EntityTypeBuilder<DirectiveTask> task)
    {
        task.Property(t => t.Text).HasMaxLength(4000);
        task.HasIndex(t => new { t.DirectiveId, t.Number }).IsUnique();
    }
}

internal sealed class ManifestationConfiguration : IEntityTypeConfiguration<Manifestation>
{
    public void Configure(EntityTypeBuilder<Manifestation> manifestation)
    {
        manifestation.Property(m => m.Code).HasMaxLength(16);
        manifestation.Property(m => m.Text).HasMaxLength(2000);
        manifestation.HasIndex(m => new { m.DirectiveId, m.Code }).IsUnique();
    }
}

internal sealed class DirectiveLinkConfiguration : IEntityTypeConfiguration<DirectiveLink>
{
    public void Configure(EntityTypeBuilder<DirectiveLink> link)
    {
        link.HasKey(l => new { l.DirectiveId, l.OtherDirectiveId });
        link.HasOne<Directive>().WithMany().HasForeignKey(l => l.OtherDirectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisseminationEventConfiguration : IEntityTypeConfiguration<DisseminationEvent>
{
    public void Configure(EntityTypeBuilder<DisseminationEvent> dissemination)
    {
        dissemination.Property(e => e.Reference).HasMaxLength(64);
        dissemination.HasIndex(e => e.Reference).IsUnique();
        dissemination.Property(e => e.Title).HasMaxLength(500);
        dissemination.HasOne<Unit>().WithMany().HasForeignKey(e => e.OrganiserUnitId).OnDelete(DeleteBehavior.Restrict);
        dissemination.HasMany(e => e.Directives).WithOne().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        dissemination.HasMany(e => e.Attendance).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        dissemination.HasIndex(e => e.HeldOn);
        // The indicators: the events a unit organised, and the date and format of each event attended, from the
        // indexes alone.
        dissemination.HasIndex(e => new { e.OrganiserUnitId, e.HeldOn, e.Online });
        dissemination.HasIndex(e => new { e.Id, e.HeldOn, e.Online });
    }
}

internal sealed class DisseminationDirectiveConfiguration : IEntityTypeConfiguration<DisseminationDirective>
{
    public void Configure(EntityTypeBuilder<DisseminationDirective> link)
    {
        link.HasKey(l => new { l.EventId, l.DirectiveId });
        link.HasOne<Directive>().WithMany().HasForeignKey(l => l.DirectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisseminationAttendanceConfiguration : IEntityTypeConfiguration<DisseminationAttendance>
{
    public void Configure(EntityTypeBuilder<DisseminationAttendance> attendance)
    {
        attendance.HasKey(a => new { a.EventId, a.UnitId });
        attendance.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A unit's events (a scope's dissemination register), without reading the attendance rows; with the numbers
        // the indicators sum.
        attendance.HasIndex(a => new { a.UnitId, a.EventId, a.Invited, a.Attended });
    }
}

internal sealed class DisseminationCompletionConfiguration : IEntityTypeConfiguration<DisseminationCompletion>
{
    public void Configure(EntityTypeBuilder<DisseminationCompletion> completion)
    {
        completion.HasIndex(c => new { c.DirectiveId, c.UnitId }).IsUnique();
        completion.HasOne<Directive>().WithMany().HasForeignKey(c => c.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        completion.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        completion.HasIndex(c => c.UnitId);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> inspection)
    {
        inspection.Property(i => i.Reference).HasMaxLength(64);
        inspection.HasIndex(i => i.Reference).IsUnique();
        inspection.Property(i => i.DecisionNumber).HasMaxLength(64);
        inspection.Property(i => i.Title).HasMaxLength(500);
        inspection.Property(i => i.SearchText).HasMaxLength(VietnameseText.SearchTextLength);
        inspection.Property(i => i.Conclusion).HasMaxLength(8000);
        inspection.HasOne<Unit>().WithMany().HasForeignKey(i => i.DecidingUnitId).OnDelete(DeleteBehavior.Restrict);
        inspection.HasOne<Directive>().WithMany().HasForeignKey(i => i.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        inspection.HasMany(i => i.Team).WithOne().HasForeignKey(m => m.InspectionId).OnDelete(DeleteBehavior.Cascade);
        inspection.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Cascade);
        inspection.HasMany(i => i.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Cascade);
        // A unit's inspections by date, with what the indicators read of each (and the id their targets join on).
        inspection.HasIndex(i => new { i.DecidingUnitId, i.DecidedOn, i.Kind, i.ConcludedOn, i.Id });
        inspection.HasIndex(i => i.DecidedOn);
        // When an inspection was concluded, for the indicators' follow-up tasks, from the index alone.
        inspection.HasIndex(i => new { i.Id, i.ConcludedOn });

        // A kind's newest first, walked in date order (SQLite otherwise sorts every inspection of the kind).
        inspection.HasIndex(i => new { i.Kind, i.DecidedOn });
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.Property(m => m.Name).HasMaxLength(200);
        member.Property(m => m.Role).HasMaxLength(300);
        member.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionTargetConfiguration : IEntityTypeConfiguration<InspectionTarget>
{
    public void Configure(EntityTypeBuilder<InspectionTarget> target)
    {
        target.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        target.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);

        // The inspections of a scope's units, without reading the targets.
        target.HasIndex(t => new { t.UnitId, t.InspectionId });
        // An inspection's targets with their kind, for the indicators, from the index alone.
        target.HasIndex(t => new { t.InspectionId, t.Kind });
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> finding)
    {
        finding.Property(f => f.Text).HasMaxLength(8000);
        finding.HasOne<InspectionTarget>().WithMany().HasForeignKey(f => f.TargetId).OnDelete(DeleteBehavior.Restrict);
        finding.HasMany(f => f.Manifestations).WithOne().HasForeignKey(m => m.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingManifestationConfiguration : IEntityTypeConfiguration<FindingManifestation>
{
    public void Configure(EntityTypeBuilder<FindingManifestation> link)
    {
        link.HasKey(l => new { l.FindingId, l.ManifestationId });
        link.HasOne<Manifestation>().WithMany().HasForeignKey(l => l.ManifestationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    /// <summary>The index of open work by due date (the task warnings name it on SQLite).</summary>
    public const string OpenWorkIndex = "IX_FollowUpTasks_Status_DueOn_DoneOn_OwnerUnitId_InspectionId";

    public void Configure(EntityTypeBuilder<FollowUpTask> task)
    {
        task.Property(t => t.Reference).HasMaxLength(64);
        task.HasIndex(t => t.Reference).IsUnique();
        task.Property(t => t.Description).HasMaxLength(4000);
        task.Property(t => t.SearchText).HasMaxLength(VietnameseText.SearchTextLength);
        task.Property(t => t.ClosedBy).HasMaxLength(200);
        task.HasOne<Inspection>().WithMany().HasForeignKey(t => t.InspectionId).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<Unit>().WithMany().HasForeignKey(t => t.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        task.HasOne<Documents.InspectionDocument>().WithMany().HasForeignKey(t => t.NoticeId).OnDelete(DeleteBehavior.Restrict);
        task.HasMany(t => t.Progress).WithOne().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
        // A unit's tasks by due date, with what the indicators read of each.
        task.HasIndex(t => new { t.OwnerUnitId, t.DueOn, t.DoneOn, t.InspectionId });
        // Open work by due date, covering what the warnings count by (the unit, the inspection) and the overdue rule reads.
        task.HasIndex(t => new { t.Status, t.DueOn, t.DoneOn, t.OwnerUnitId, t.InspectionId }).HasDatabaseName(OpenWorkIndex);
        task.HasIndex(t => t.DueOn);
    }
}

internal sealed class TaskProgressConfiguration : IEntityTypeConfiguration<TaskProgress>
{
    public void Configure(EntityTypeBuilder<TaskProgress> progress)
    {
        progress.Property(p => p.Note).HasMaxLength(4000);
        progress.Property(p => p.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class DisciplineDecisionConfiguration : IEntityTypeConfiguration<DisciplineDecision>
{
    public void Configure(EntityTypeBuilder<DisciplineDecision> decision)
    {
        decision.Property(d => d.DecisionNumber).HasMaxLength(64);
        decision.HasIndex(d => d.DecisionNumber).IsUnique();
        decision.Property(d => d.Summary).HasMaxLength(4000);
        decision.HasOne<Unit>().WithMany().HasForeignKey(d => d.DecidingUnitId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<Unit>().WithMany().HasForeignKey(d => d.SubjectUnitId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<Person>().WithMany().HasForeignKey(d => d.SubjectPersonId).OnDelete(DeleteBehavior.Restrict);
        decision.HasOne<Inspection>().WithMany().HasForeignKey(d => d.SourceInspectionId).OnDelete(DeleteBehavior.Restrict);
        decision.HasMany(d => d.Manifestations).WithOne().HasForeignKey(m => m.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // A unit's decisions by date, with what the indicators read of each (and the id their manifestations join on).
        decision.HasIndex(d => new { d.DecidingUnitId, d.DecidedOn, d.Body, d.Subject, d.Form, d.Id });
        decision.HasIndex(d => d.DecidedOn);

        // The register filtered by deciding body or by form, walked in date order (SQLite otherwise sorts every match).
        decision.HasIndex(d => new { d.Body, d.DecidedOn });
        decision.HasIndex(d => new { d.Form, d.DecidedOn });
    }
}

internal sealed class DecisionManifestationConfiguration : IEntityTypeConfiguration<DecisionManifestation>
{
    public void Configure(EntityTypeBuilder<DecisionManifestation> link)
    {
        link.HasKey(l => new { l.DecisionId, l.ManifestationId });
        link.HasOne<Manifestation>().WithMany().HasForeignKey(l => l.ManifestationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonnelMoveConfiguration : IEntityTypeConfiguration<PersonnelMove>
{
    public void Configure(EntityTypeBuilder<PersonnelMove> move)
    {
        move.Property(m => m.Reference).HasMaxLength(64);
        move.HasIndex(m => m.Reference).IsUnique();
        move.Property(m => m.FromTitle).HasMaxLength(300);
        move.Property(m => m.ToTitle).HasMaxLength(300);
        move.Property(m => m.DecisionNumber).HasMaxLength(64);
        move.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        move.HasOne<Unit>().WithMany().HasForeignKey(m => m.FromUnitId).OnDelete(DeleteBehavior.Restrict);
        move.HasOne<Unit>().WithMany().HasForeignKey(m => m.ToUnitId).OnDelete(DeleteBehavior.Restrict);
        move.HasOne<Unit>().WithMany().HasForeignKey(m => m.DecidingUnitId).OnDelete(DeleteBehavior.Restrict);
        move.HasOne<Directive>().WithMany().HasForeignKey(m => m.DirectiveId).OnDelete(DeleteBehavior.Restrict);
        move.HasIndex(m => new { m.FromUnitId, m.EffectiveOn });
        move.HasIndex(m => new { m.ToUnitId, m.EffectiveOn });
        move.HasIndex(m => m.EffectiveOn);
        // The moves a unit decided, by date, with what the indicators read of each.
        move.HasIndex(m => new { m.DecidingUnitId, m.EffectiveOn, m.Kind, m.Reason, m.PostKind });

        // The register filtered by reason or by kind of post, walked in date order (SQLite otherwise sorts every match).
        move.HasIndex(m => new { m.Reason, m.EffectiveOn });
        move.HasIndex(m => new { m.PostKind, m.EffectiveOn });
    }
}

internal sealed class ReportedFigureConfiguration : IEntityTypeConfiguration<Indicators.ReportedFigure>
{
    public void Configure(EntityTypeBuilder<Indicators.ReportedFigure> claim)
    {
        claim.Property(c => c.Reference).HasMaxLength(64);
        claim.HasIndex(c => c.Reference).IsUnique();
        claim.Property(c => c.IndicatorCode).HasMaxLength(40);
        claim.Property(c => c.Description).HasMaxLength(2000);
        claim.Property(c => c.Written).HasMaxLength(40);
        claim.Property(c => c.Source).HasMaxLength(500);
        claim.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        claim.HasIndex(c => new { c.UnitId, c.From });
        claim.HasOne<Documents.InspectionDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachments.Attachment>
{
    public void Configure(EntityTypeBuilder<Attachments.Attachment> attachment)
    {
        attachment.Property(a => a.RecordType).HasMaxLength(64);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(128);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.UploadedBy).HasMaxLength(200);
        attachment.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasIndex(a => new { a.RecordType, a.RecordId });
    }
}
