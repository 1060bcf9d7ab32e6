namespace Oversight.PublicServices;

/// <summary>The level of government an administrative procedure is handled at.</summary>
public enum ServiceLevel
{
    Province,

    /// <summary>District level; gone with the districts on 1 July 2025.</summary>
    District,

    Commune,
}

/// <summary>How a dossier reached the office.</summary>
public enum DossierChannel
{
    Online,
    InPerson,
    Postal,
}

/// <summary>How far the procedure is offered online (dịch vụ công trực tuyến toàn trình, một phần, or not at all).</summary>
public enum OnlineService
{
    Full,
    Partial,
    None,
}

/// <summary>How a dossier ended.</summary>
public enum DossierResult
{
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>
/// A dossier of an administrative procedure, copied from the public-service portal's export: not Oversight's own
/// record, so it is written only by imports, which are audited as a whole (the file, its SHA-256 and what it changed),
/// never a row at a time.
/// </summary>
public sealed class Dossier
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The portal's dossier code, unique; imports match on it.</summary>
    public required string Code { get; init; }

    public required string ProcedureCode { get; set; }

    public required string ProcedureName { get; set; }

    /// <summary>The field of the procedure as the portal names it (Đất đai, Hộ tịch …).</summary>
    public required string Field { get; set; }

    public ServiceLevel Level { get; set; }

    /// <summary>The unit that received the dossier, as it stood on <see cref="ReceivedOn"/>.</summary>
    public Guid UnitId { get; set; }

    public DossierChannel Channel { get; set; }

    public OnlineService OnlineService { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>The day a result was given; null while the dossier is open.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Null while the dossier is open.</summary>
    public DossierResult? Result { get; set; }

    /// <summary>The result was issued electronically.</summary>
    public bool ElectronicResult { get; set; }

    /// <summary>The dossier and its result were digitised.</summary>
    public bool Digitised { get; set; }

    /// <summary>Fees and charges were paid online.</summary>
    public bool PaidOnline { get; set; }

    /// <summary>The applicant's rating, 1 (very dissatisfied) to 5 (very satisfied); null when not rated.</summary>
    public byte? Satisfaction { get; set; }

    /// <summary>Takes the values of <paramref name="other"/> (the same dossier as a newer export has it); returns whether any differed.</summary>
    public bool CopyFrom(Dossier other)
    {
        var changed = (ProcedureCode, ProcedureName, Field, Level, UnitId, Channel, OnlineService, ReceivedOn, DueOn, CompletedOn, Result, ElectronicResult, Digitised, PaidOnline, Satisfaction)
            != (other.ProcedureCode, other.ProcedureName, other.Field, other.Level, other.UnitId, other.Channel, other.OnlineService, other.ReceivedOn, other.DueOn, other.CompletedOn, other.Result,
                other.ElectronicResult, other.Digitised, other.PaidOnline, other.Satisfaction);
        if (changed)
        {
            (ProcedureCode, ProcedureName, Field, Level, UnitId, Channel, OnlineService, ReceivedOn, DueOn, CompletedOn, Result, ElectronicResult, Digitised, PaidOnline, Satisfaction) =
                (other.ProcedureCode, other.ProcedureName, other.Field, other.Level, other.UnitId, other.Channel, other.OnlineService, other.ReceivedOn, other.DueOn, other.CompletedOn, other.Result,
                    other.ElectronicResult, other.Digitised, other.PaidOnline, other.Satisfaction);
        }

        return changed;
    }
}
