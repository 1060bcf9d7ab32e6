using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Organisation;
using Oversight.People;

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
        person.Property(p => p.SearchName).HasMaxLength(200);
        person.HasIndex(p => p.SearchName);
        person.Property(p => p.ConcurrencyStamp).IsConcurrencyToken().HasAnnotation(AuditTrail.NotAudited, true);
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
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(16);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(200);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasIndex(e => e.UnitId);
    }
}
