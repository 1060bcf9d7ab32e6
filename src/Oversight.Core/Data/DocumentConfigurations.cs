using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Oversight.Accountability;
using Oversight.Audit;
using Oversight.Documents;
using Oversight.Organisation;

namespace Oversight.Data;

internal sealed class InspectionDocumentConfiguration : IEntityTypeConfiguration<InspectionDocument>
{
    public void Configure(EntityTypeBuilder<InspectionDocument> document)
    {
        document.HasOne<Inspection>().WithMany().HasForeignKey(d => d.InspectionId).OnDelete(DeleteBehavior.Restrict);
        document.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        document.Property(d => d.Author).HasMaxLength(256);

        // An inspection has one document of each kind from each issuer (a self-assessment from each body inspected); the
        // numbers of a kind are taken in turn within a year.
        document.HasIndex(d => new { d.InspectionId, d.Kind, d.IssuerUnitId }).IsUnique();
        document.HasOne<Unit>().WithMany().HasForeignKey(d => d.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        document.HasIndex(d => new { d.IssuerUnitId, d.Kind, d.IssuedYear, d.Number }).IsUnique();
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> version)
    {
        version.HasOne<InspectionDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
        version.HasOne<DocumentFigures>().WithMany().HasForeignKey(v => v.FiguresId).OnDelete(DeleteBehavior.Restrict);
        version.HasIndex(v => new { v.DocumentId, v.Sequence }).IsUnique();
        version.Property(v => v.Reason).HasMaxLength(2000);
        version.Property(v => v.SavedBy).HasMaxLength(256);
    }
}

internal sealed class DocumentFiguresConfiguration : IEntityTypeConfiguration<DocumentFigures>
{
    public void Configure(EntityTypeBuilder<DocumentFigures> figures)
    {
        // A copy of what the engine gave from records that are themselves audited; the versions that use it are audited.
        figures.HasAnnotation(AuditTrail.NotAudited, true);
        figures.HasOne<InspectionDocument>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Restrict);
        figures.HasIndex(f => f.DocumentId);
    }
}

internal sealed class DocumentStepConfiguration : IEntityTypeConfiguration<DocumentStep>
{
    public void Configure(EntityTypeBuilder<DocumentStep> step)
    {
        step.HasOne<InspectionDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
        step.Property(s => s.Note).HasMaxLength(2000);
        step.Property(s => s.By).HasMaxLength(256);
    }
}
