using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Calendar;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Petitions;
using Oversight.Rules;
using Oversight.Text;

namespace Oversight.Data;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.HasIndex(u => u.Code);
        unit.HasMany(u => u.Versions).WithOne().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitVersionConfiguration : IEntityTypeConfiguration<UnitVersion>
{
    public void Configure(EntityTypeBuilder<UnitVersion> version)
    {
        version.Property(v => v.Name).HasMaxLength(300);
        version.Property(v => v.SearchName).HasMaxLength(300);
        version.HasIndex(v => v.SearchName);
        version.HasIndex(v => v.ParentId);
        version.HasOne<Unit>().WithMany().HasForeignKey(v => v.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LineageEventConfiguration : IEntityTypeConfiguration<LineageEvent>
{
    public void Configure(EntityTypeBuilder<LineageEvent> lineage)
    {
        lineage.Property(e => e.LegalBasis).HasMaxLength(500);
        lineage.Property(e => e.Source).HasMaxLength(200);
        lineage.Property(e => e.Note).HasMaxLength(2000);
        lineage.HasMany(e => e.Links).WithOne().HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LineageLinkConfiguration : IEntityTypeConfiguration<LineageLink>
{
    public void Configure(EntityTypeBuilder<LineageLink> link)
    {
        link.HasOne<Unit>().WithMany().HasForeignKey(l => l.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        link.HasOne<Unit>().WithMany().HasForeignKey(l => l.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => l.PredecessorId);
        link.HasIndex(l => l.SuccessorId);
    }
}

internal sealed class StructureStampConfiguration : IEntityTypeConfiguration<StructureStamp>
{
    public void Configure(EntityTypeBuilder<StructureStamp> stamp)
    {
        stamp.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Code).HasMaxLength(64);
        person.HasIndex(p => p.Code).IsUnique();
        person.Property(p => p.FullName).HasMaxLength(200);
        person.Property(p => p.Email).HasMaxLength(256);
        person.Property(p => p.SearchName).HasMaxLength(200);
        person.HasIndex(p => p.SearchName);
        person.HasMany(p => p.Memberships).WithOne().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        person.HasMany(p => p.Positions).WithOne().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartyMembershipConfiguration : IEntityTypeConfiguration<PartyMembership>
{
    public void Configure(EntityTypeBuilder<PartyMembership> membership)
    {
        membership.HasOne<Unit>().WithMany().HasForeignKey(m => m.BranchId).OnDelete(DeleteBehavior.Restrict);
        membership.HasIndex(m => m.BranchId);
    }
}

internal sealed class PositionHeldConfiguration : IEntityTypeConfiguration<PositionHeld>
{
    public void Configure(EntityTypeBuilder<PositionHeld> position)
    {
        position.Property(p => p.Title).HasMaxLength(200);
        position.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        position.HasIndex(p => p.UnitId);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.TokenHash).HasMaxLength(64).HasAnnotation(AuditTrail.NotAudited, true);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasOne<OversightUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.HasIndex(e => e.Sequence).IsUnique();

        // The entries still to seal, in the order they were written.
        entry.HasIndex(e => e.Id, "IX_AuditEntries_Unsealed").HasFilter("\"Sequence\" IS NULL");

        // The reveals of denouncers' identities, newest first, for the leaders' page of who saw which.
        entry.HasIndex(e => e.Id, "IX_AuditEntries_Reveals").HasFilter("\"Action\" = 'reveal'");
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(16);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(200);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasIndex(e => e.UnitId);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

internal sealed class CitizenCaseConfiguration : IEntityTypeConfiguration<CitizenCase>
{
    public void Configure(EntityTypeBuilder<CitizenCase> citizenCase)
    {
        citizenCase.ToTable("Cases");
        citizenCase.Property(c => c.Reference).HasMaxLength(64);
        citizenCase.HasIndex(c => c.Reference).IsUnique();
        citizenCase.Property(c => c.Subject).HasMaxLength(500);
        citizenCase.Property(c => c.Content).HasMaxLength(10000);
        citizenCase.Property(c => c.SearchText).HasMaxLength(VietnameseText.SearchTextLength);
        citizenCase.Property(c => c.PetitionerName).HasMaxLength(200);
        citizenCase.Property(c => c.PetitionerAddress).HasMaxLength(500);
        citizenCase.Property(c => c.PetitionerPhone).HasMaxLength(32);
        citizenCase.Property(c => c.ForwardedTo).HasMaxLength(300);
        citizenCase.Property(c => c.Guidance).HasMaxLength(2000);
        citizenCase.Property(c => c.DeadlineBasis).HasMaxLength(1000);
        citizenCase.Property(c => c.Outcome).HasMaxLength(4000);
        citizenCase.Property(c => c.TrackingCode).HasMaxLength(16);
        citizenCase.HasIndex(c => c.TrackingCode).IsUnique();
        citizenCase.Ignore(c => c.IsOpen);
        citizenCase.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        citizenCase.HasOne<OversightUser>().WithMany().HasForeignKey(c => c.AssigneeUserId).OnDelete(DeleteBehavior.SetNull);
        citizenCase.HasOne<ReceptionSession>().WithMany().HasForeignKey(c => c.ReceptionSessionId).OnDelete(DeleteBehavior.SetNull);
        citizenCase.HasOne<CitizenCase>().WithMany().HasForeignKey(c => c.RepeatOfCaseId).OnDelete(DeleteBehavior.Restrict);
        citizenCase.HasMany(c => c.Extensions).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        citizenCase.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Newest first with no sort step: the register walks these (CaseRegister names them). The receipt-date index
        // also carries status, kind and the running deadline, so a walk filtered on them reads only the cases it lists.
        citizenCase.HasIndex(c => new { c.UnitId, c.ReceivedOn, c.Id }).HasDatabaseName("IX_Cases_UnitId_ReceivedOn");
        citizenCase.HasIndex(c => new { c.ReceivedOn, c.Id, c.Status, c.Kind, c.CurrentDueOn }).HasDatabaseName("IX_Cases_ReceivedOn");
        citizenCase.HasIndex(c => c.CurrentDueOn);
        citizenCase.HasIndex(c => new { c.AssigneeUserId, c.Status });
        citizenCase.HasIndex(c => c.ReceptionSessionId);
    }
}

internal sealed class CaseExtensionConfiguration : IEntityTypeConfiguration<CaseExtension>
{
    public void Configure(EntityTypeBuilder<CaseExtension> extension)
    {
        extension.Property(e => e.Reason).HasMaxLength(1000);
        extension.Property(e => e.Decision).HasMaxLength(100);
    }
}

internal sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> notice)
    {
        notice.HasOne<CitizenCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        notice.HasOne<Unit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        notice.HasIndex(n => n.CaseId);
        notice.Property(n => n.Symbol).HasMaxLength(16);
        notice.Property(n => n.IssuedBy).HasMaxLength(256);
        notice.Property(n => n.SignerTitle).HasMaxLength(100);
        notice.Property(n => n.SignerName).HasMaxLength(200);
        notice.Property(n => n.Recipient).HasMaxLength(300);
        notice.Property(n => n.Text).HasMaxLength(4000);
        notice.Property(n => n.LegalGround).HasMaxLength(1000);

        // An issuer's notices of one symbol are numbered in turn within a year.
        notice.HasIndex(n => new { n.UnitId, n.Symbol, n.IssuedYear, n.Number }).IsUnique();
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> step)
    {
        step.Property(s => s.Actor).HasMaxLength(256);
        step.Property(s => s.Note).HasMaxLength(4000);
        step.HasIndex(s => s.CaseId);
    }
}

internal sealed class ReceptionSessionConfiguration : IEntityTypeConfiguration<ReceptionSession>
{
    public void Configure(EntityTypeBuilder<ReceptionSession> session)
    {
        session.Property(s => s.Reference).HasMaxLength(64);
        session.HasIndex(s => s.Reference).IsUnique();
        session.Property(s => s.HostName).HasMaxLength(200);
        session.Property(s => s.Note).HasMaxLength(2000);
        session.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        session.HasOne<Person>().WithMany().HasForeignKey(s => s.HostPersonId).OnDelete(DeleteBehavior.SetNull);
        session.HasIndex(s => new { s.UnitId, s.HeldOn });
    }
}

internal sealed class DialogueMeetingConfiguration : IEntityTypeConfiguration<DialogueMeeting>
{
    public void Configure(EntityTypeBuilder<DialogueMeeting> meeting)
    {
        meeting.Property(m => m.Reference).HasMaxLength(64);
        meeting.HasIndex(m => m.Reference).IsUnique();
        meeting.Property(m => m.Topic).HasMaxLength(500);
        meeting.Property(m => m.ParticipantNote).HasMaxLength(2000);
        meeting.Property(m => m.Outcome).HasMaxLength(4000);
        meeting.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.Cases).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasIndex(m => new { m.UnitId, m.HeldOn });
    }
}

internal sealed class DialogueMeetingCaseConfiguration : IEntityTypeConfiguration<DialogueMeetingCase>
{
    public void Configure(EntityTypeBuilder<DialogueMeetingCase> link)
    {
        link.HasKey(l => new { l.MeetingId, l.CaseId });
        link.HasOne<CitizenCase>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RulePackConfiguration : IEntityTypeConfiguration<RulePack>
{
    public void Configure(EntityTypeBuilder<RulePack> pack)
    {
        pack.Property(p => p.Id).HasMaxLength(100);
        pack.Property(p => p.Title).HasMaxLength(500);
    }
}

internal sealed class HolidayScheduleConfiguration : IEntityTypeConfiguration<HolidaySchedule>
{
    public void Configure(EntityTypeBuilder<HolidaySchedule> schedule)
    {
        schedule.HasKey(s => s.Year);
        schedule.Property(s => s.Year).ValueGeneratedNever();
        schedule.Property(s => s.Source).HasMaxLength(500);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key)
    {
        // Key material never goes into the audit trail; its creation is audited by name.
        key.Property(k => k.Xml).HasAnnotation(AuditTrail.NotAudited, true);
    }
}
