using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Notifications;

/// <summary>What a notification is.</summary>
public enum NotificationKind
{
    /// <summary>The daily digest of what waits for its reader.</summary>
    Digest,

    /// <summary>A case overdue long enough to reach the leaders of its unit.</summary>
    Escalation,
}

/// <summary>
/// Something Oversight told one person: on the page <c>/notifications</c>, and by e-mail when the person has an address
/// and the installation a mail server. Written in the person's language when it was made.
/// </summary>
/// <remarks>
/// <see cref="Key"/> is unique per person (<c>digest:2026-12-06</c>, <c>escalation:{case id}</c>): inserting the row is
/// the claim on sending it, so that two nodes running the digests at once never send the same one twice. Notifications
/// are not audited: they repeat what the records (which are) said on a day, and their reader marks them read.
/// </remarks>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    /// <summary>What makes it unique for its reader: <see cref="DigestKey"/>, <see cref="EscalationKey"/>.</summary>
    public required string Key { get; init; }

    public NotificationKind Kind { get; init; }

    /// <summary>The day, in Vietnam, it is about.</summary>
    public DateOnly Day { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string Subject { get; init; }

    /// <summary>Plain text, one line a thing.</summary>
    public required string Text { get; init; }

    /// <summary>The page it is about, from the site's root.</summary>
    public required string Link { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When it was e-mailed (an escalation: in a digest); null when it was not.</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    public static string DigestKey(DateOnly day) => $"digest:{day:yyyy-MM-dd}";

    public static string EscalationKey(Guid caseId) => $"escalation:{caseId}";
}

/// <summary>A day whose digests were made: the background job makes them once a day, whichever node comes first.</summary>
public sealed class DigestRun
{
    public DateOnly Day { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public int Created { get; init; }

    public int Emailed { get; init; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        // Times as UTC ticks, so that SQLite orders and compares them as PostgreSQL does.
        var ticks = new DateTimeOffsetToBinaryConverter();
        notification.HasAnnotation(AuditTrail.NotAudited, true);
        notification.Property(n => n.UserId).HasMaxLength(450);
        notification.Property(n => n.Key).HasMaxLength(100);
        notification.Property(n => n.Kind).HasConversion<WireEnumConverter<NotificationKind>>().HasMaxLength(16);
        notification.Property(n => n.CreatedAt).HasConversion(ticks);
        notification.Property(n => n.Subject).HasMaxLength(300);
        notification.Property(n => n.Link).HasMaxLength(500);
        notification.Property(n => n.ReadAt).HasConversion(ticks);
        notification.Property(n => n.EmailedAt).HasConversion(ticks);
        notification.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.HasOne<OversightUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> run)
    {
        run.HasAnnotation(AuditTrail.NotAudited, true);
        run.HasKey(r => r.Day);
        run.Property(r => r.FinishedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}
