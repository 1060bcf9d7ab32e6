using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Oversight.Audit;
using Oversight.Organisation;
using Oversight.Scores;

namespace Oversight.Data;

// Indices and their scores are external figures: their imports are audited as a whole, never a row at a time.

internal sealed class ScoreIndexConfiguration : IEntityTypeConfiguration<ScoreIndex>
{
    public void Configure(EntityTypeBuilder<ScoreIndex> index)
    {
        index.HasAnnotation(AuditTrail.NotAudited, true);
        index.Property(i => i.Code).HasMaxLength(32);
        index.HasIndex(i => i.Code).IsUnique();
        index.Property(i => i.NameVi).HasMaxLength(500);
        index.Property(i => i.NameEn).HasMaxLength(500);
        index.Property(i => i.Owner).HasMaxLength(500);
        index.Property(i => i.UnitKinds).HasMaxLength(200);
        index.Ignore(i => i.Kinds);
    }
}

internal sealed class IndexYearConfiguration : IEntityTypeConfiguration<IndexYear>
{
    public void Configure(EntityTypeBuilder<IndexYear> year)
    {
        year.HasAnnotation(AuditTrail.NotAudited, true);
        year.HasOne<ScoreIndex>().WithMany().HasForeignKey(y => y.IndexId).OnDelete(DeleteBehavior.Restrict);
        year.HasIndex(y => new { y.IndexId, y.Year }).IsUnique();
        year.Property(y => y.MaxScore).HasPrecision(7, 2);
        year.Property(y => y.Source).HasMaxLength(1000);
        year.HasMany(y => y.Components).WithOne().HasForeignKey(c => c.IndexYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndexComponentConfiguration : IEntityTypeConfiguration<IndexComponent>
{
    public void Configure(EntityTypeBuilder<IndexComponent> component)
    {
        component.HasAnnotation(AuditTrail.NotAudited, true);
        component.Property(c => c.Code).HasMaxLength(32);
        component.HasIndex(c => new { c.IndexYearId, c.Code }).IsUnique();
        component.Property(c => c.NameVi).HasMaxLength(1000);
        component.Property(c => c.NameEn).HasMaxLength(1000);
        component.Property(c => c.MaxScore).HasPrecision(7, 2);
        component.Property(c => c.Indicators).HasMaxLength(1000);
        component.Ignore(c => c.ParentCode);
        component.Ignore(c => c.Depth);
        component.Ignore(c => c.IndicatorCodes);
    }
}

internal sealed class IndexScoreConfiguration : IEntityTypeConfiguration<IndexScore>
{
    public void Configure(EntityTypeBuilder<IndexScore> score)
    {
        score.HasAnnotation(AuditTrail.NotAudited, true);
        score.HasOne<IndexYear>().WithMany().HasForeignKey(s => s.IndexYearId).OnDelete(DeleteBehavior.Restrict);
        score.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        score.Property(s => s.Component).HasMaxLength(32);
        score.Property(s => s.Score).HasPrecision(7, 2);

        // A year's scores of every unit (a ranking) and of one unit (its place over the years).
        score.HasIndex(s => new { s.IndexYearId, s.UnitId, s.Component }).IsUnique();
        score.HasIndex(s => s.UnitId);
    }
}
