using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Oversight.Audit;
using Oversight.Organisation;
using Oversight.People;
using Oversight.PublicServices;

namespace Oversight.Data;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> dossier)
    {
        // Copies of the portal's records: their import is audited as a whole, never a row at a time.
        dossier.HasAnnotation(AuditTrail.NotAudited, true);
        dossier.Property(d => d.Code).HasMaxLength(64);
        dossier.HasIndex(d => d.Code).IsUnique();
        dossier.Property(d => d.ProcedureCode).HasMaxLength(64);
        dossier.Property(d => d.ProcedureName).HasMaxLength(1000);
        dossier.Property(d => d.Field).HasMaxLength(1000);
        dossier.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);

        // A unit's dossiers by the day received (its register), and every unit's a month at a time (the facts' rebuild).
        dossier.HasIndex(d => new { d.UnitId, d.ReceivedOn });
        dossier.HasIndex(d => d.ReceivedOn);
    }
}

internal sealed class AppInstallationConfiguration : IEntityTypeConfiguration<AppInstallation>
{
    public void Configure(EntityTypeBuilder<AppInstallation> installation)
    {
        // Copies of the app operator's list: their import is audited as a whole, never a row at a time.
        installation.HasAnnotation(AuditTrail.NotAudited, true);

        // A person installs an app once; the key is what indicator facts are read again by (the person).
        installation.HasKey(i => new { i.PersonId, i.App });
        installation.Property(i => i.App).HasMaxLength(AppAdoptionImport.AppLength);
        installation.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
