using System.Globalization;
using Oversight.Calendar;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Demo;

/// <summary>What the demo's citizen reception part added.</summary>
public sealed record DemoCitizenCounts(int ReceptionSessions, int Cases, int DialogueMeetings);

/// <summary>
/// Citizen reception in Huyện Chương Mỹ, as the inspection of 19 July 2024 reported it: from August 2023 to the
/// end of May 2024 the District Party Secretary received citizens on 10 days (30 visits, 33 people, 34 cases, 18 of
/// the 22 within his jurisdiction resolved); the district's leaders received 508 people (108 of 144 cases within
/// their jurisdiction resolved, 36 under consideration); in 2023 and the first half of 2024, 45 dialogue meetings
/// were held (5 by the district, 40 by communes).
/// </summary>
/// <remarks>
/// Sessions and meetings go through <see cref="ReceptionRecords"/>, cases through <see cref="CaseWorkflow"/> with
/// the dates each step took effect, so deadlines, timelines and the denouncers' encryption are those of real
/// records. The Party Secretary receives on the 15th of each month (or the next working day), the People's
/// Committee's chairman and vice chairmen every Thursday, the chairman on the first and third. Of the cases still
/// open at the end of May 2024 most were resolved later; a few are still open and overdue. Some cases repeat an
/// earlier one of the same petitioner (protracted). Every choice comes from the demo's seeded <see cref="Random"/>.
/// </remarks>
internal sealed class DemoCitizens
{
    /// <summary>The period of the reception figures: August 2023 to the end of May 2024.</summary>
    public static readonly DateOnly PeriodStart = new(2023, 8, 1);

    public static readonly DateOnly PeriodEnd = new(2024, 5, 31);

    /// <summary>The period of the dialogue figures: 2023 and the first half of 2024.</summary>
    public static readonly DateOnly DialoguesFrom = new(2023, 1, 1);

    public static readonly DateOnly DialoguesTo = new(2024, 6, 30);

    /// <summary>The demo account cases are assigned to: the district office.</summary>
    private const string Assignee = "officer";

    private const string SecretaryUnit = DemoBodies.DistrictPartyCommitteeCode;
    private const string CommitteeUnit = "277-UBND";

    private static readonly int[] SecretaryVisits = [3, 2, 4, 3, 3, 2, 4, 3, 3, 3];
    private const int SecretaryPeople = 33;
    private const int SecretaryCases = 34;
    private const int SecretaryWithin = 22;
    private const int SecretaryResolved = 18;
    private const int SecretaryStillOpen = 1;

    private const int LeaderPeople = 508;
    private const int LeaderWithin = 144;
    private const int LeaderResolved = 108;
    private const int LeaderForwarded = 36;
    private const int LeaderStillOpen = 4;

    private const int Repeats = 4;
    private const int DistrictMeetings = 5;
    private const int CommuneMeetings = 40;

    /// <summary>Group visits received by the chairman outside the weekly schedule: date, people, topic.</summary>
    private static readonly (DateOnly Day, int People, int Topic)[] AdHocGroups =
    [
        (new(2023, 11, 7), 25, 0),
        (new(2024, 3, 26), 18, 1),
    ];

    private readonly OversightDbContext db;
    private readonly CaseWorkflow workflow;
    private readonly ReceptionRecords records;
    private readonly WorkingDayTable calendar;
    private readonly DemoStructure structure;
    private readonly IReadOnlyList<Person> people;
    private readonly Random random;
    private readonly DemoNames names;
    private readonly HashSet<string> usedNames = [];
    private readonly List<DemoCommune> communes;
    private readonly List<PlannedCase> cases = [];
    private readonly List<PlannedSession> sessions = [];

    public DemoCitizens(OversightDbContext db, CaseWorkflow workflow, ReceptionRecords records, WorkingDayTable calendar, DemoStructure structure, IReadOnlyList<Person> people, Random random)
    {
        this.db = db;
        this.workflow = workflow;
        this.records = records;
        this.calendar = calendar;
        this.structure = structure;
        this.people = people;
        this.random = random;
        names = new DemoNames(random);
        communes = structure.Communes.Where(c => c.IsOriginal).ToList();
    }


    /// <summary>Plans and writes the sessions, cases and meetings; a step the workflow refuses is a bug of the plan and throws.</summary>
    public async Task<DemoCitizenCounts> AddAsync(CancellationToken cancellationToken)
    {
        PlanSecretary();
        PlanLeaders();
        Number();
        PlanRepeats();
        PlanFates(cases.Where(c => c.Session.Role == HostRole.PartySecretary).ToList(), SecretaryResolved, SecretaryStillOpen);
        PlanFates(cases.Where(c => c.Session.Role != HostRole.PartySecretary).ToList(), LeaderResolved, LeaderStillOpen);
        var meetings = PlanMeetings();

        foreach (var session in sessions.OrderBy(s => s.Reference, StringComparer.Ordinal))
        {
            Require((await records.CreateSessionAsync(session.Request, cancellationToken)).Errors, session.Reference);
        }

        var ids = new Dictionary<PlannedCase, Guid>();
        foreach (var planned in cases.OrderBy(c => c.Reference, StringComparer.Ordinal))
        {
            ids[planned] = await WriteCaseAsync(planned, cancellationToken);
            db.ChangeTracker.Clear();
        }

        foreach (var (later, earlier) in cases.Where(c => c.RepeatOf is not null).Select(c => (c, c.RepeatOf!)))
        {
            Require((await workflow.MarkRepeatAsync(ids[later], earlier.Reference, cancellationToken: cancellationToken)).Errors, later.Reference);
            db.ChangeTracker.Clear();
        }

        foreach (var meeting in meetings)
        {
            Require((await records.CreateMeetingAsync(meeting, cancellationToken)).Errors, meeting.Reference!);
        }

        db.ChangeTracker.Clear();
        return new DemoCitizenCounts(sessions.Count, cases.Count, meetings.Count);
    }

    /// <summary>Ten days, one a month on the 15th or the next working day: 30 visits, 33 people, 34 cases, 22 within his jurisdiction.</summary>
    private void PlanSecretary()
    {
        var host = Holder(SecretaryUnit, "Bí thư Huyện ủy");
        var days = Enumerable.Range(0, SecretaryVisits.Length).Select(i => NextWorkingDay(new DateOnly(2023, 8, 15).AddMonths(i))).ToList();
        var extraPeople = Spread(SecretaryPeople - SecretaryVisits.Sum(), SecretaryVisits.Length);
        var extraCases = Spread(SecretaryCases - SecretaryVisits.Sum(), SecretaryVisits.Length);
        var within = Shuffled(Enumerable.Repeat(true, SecretaryWithin).Concat(Enumerable.Repeat(false, SecretaryCases - SecretaryWithin)));
        var next = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var session = AddSession(SecretaryUnit, days[i], host, HostRole.PartySecretary, SessionKind.Regular, SecretaryVisits[i], SecretaryVisits[i] + extraPeople[i],
                "Bí thư Huyện ủy tiếp công dân định kỳ tại Trụ sở Tiếp công dân huyện.");
            for (var c = 0; c < SecretaryVisits[i] + extraCases[i]; c++)
            {
                AddCase(session, within[next++] ? SecretaryTopics : SecretaryForwards, c == 0 ? 1 + extraPeople[i] : 1);
            }
        }
    }

    /// <summary>
    /// Every working Thursday the chairman (first and third of the month) or a vice chairman in turn, and two group
    /// visits the chairman received the same week they came: 508 people, 144 cases within jurisdiction, 36 forwarded,
    /// two declined and one withdrawn.
    /// </summary>
    private void PlanLeaders()
    {
        var chairman = Holder(CommitteeUnit, "Chủ tịch Ủy ban nhân dân huyện");
        var vices = Holders(CommitteeUnit, "Phó Chủ tịch Ủy ban nhân dân huyện");
        var thursdays = new List<DateOnly>();
        for (var day = PeriodStart; day <= PeriodEnd; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Thursday && calendar.IsWorkingDay(day))
            {
                thursdays.Add(day);
            }
        }

        var regularPeople = Spread(LeaderPeople - AdHocGroups.Sum(g => g.People), thursdays.Count, least: 6, most: 16);
        var regular = new List<PlannedSession>();
        var vice = 0;
        foreach (var (day, i) in thursdays.Select((d, i) => (d, i)))
        {
            var nthInMonth = (day.Day - 1) / 7 + 1;
            var (host, role) = nthInMonth is 1 or 3 ? (chairman, HostRole.CommitteeChairman) : (vices[vice++ % vices.Count], HostRole.OtherLeader);
            var visits = Math.Max(1, regularPeople[i] - random.Next(0, 4));
            regular.Add(AddSession(CommitteeUnit, day, host, role, SessionKind.Regular, visits, regularPeople[i],
                role == HostRole.CommitteeChairman ? "Chủ tịch UBND huyện tiếp công dân định kỳ." : "Lãnh đạo UBND huyện tiếp công dân định kỳ theo phân công."));
        }

        foreach (var (day, groupPeople, topic) in AdHocGroups)
        {
            var session = AddSession(CommitteeUnit, day, chairman, HostRole.CommitteeChairman, SessionKind.AdHoc, 1, groupPeople,
                "Tiếp đoàn đông người đến kiến nghị về bồi thường, giải phóng mặt bằng.");
            AddCase(session, [GroupTopics[topic]], groupPeople);
        }

        var fates = Shuffled(Enumerable.Repeat(LeaderTopics, LeaderWithin - AdHocGroups.Length)
            .Concat(Enumerable.Repeat(LeaderForwards, LeaderForwarded))
            .Concat(Enumerable.Repeat(Declined, 3)));
        var perSession = Spread(fates.Count, regular.Count, least: 1, most: 8, weights: regular.Select(s => (double)s.Visits).ToArray());
        var next = 0;
        foreach (var (session, count) in regular.Zip(perSession))
        {
            var groups = session.People - session.Visits;
            for (var c = 0; c < count; c++)
            {
                AddCase(session, fates[next++], c == 0 ? 1 + groups : 1);
            }
        }
    }

    /// <summary>
    /// Some petitioners come back in 2024 on a matter they brought in 2023: the later case repeats the earlier one
    /// (same person, same matter), which makes it protracted. One of them took it to the Party Secretary.
    /// </summary>
    private void PlanRepeats()
    {
        bool Petition(PlannedCase c, CaseTopic[] table) => c.Topics == table && c.Topic.Kind == CaseKind.Petition;
        var earlier = Shuffled(cases.Where(c => Petition(c, LeaderTopics) && c.ReceivedOn < new DateOnly(2023, 11, 1)));
        var later = Shuffled(cases.Where(c => Petition(c, LeaderTopics) && c.ReceivedOn >= new DateOnly(2024, 2, 1))).Take(Repeats - 1)
            .Concat(Shuffled(cases.Where(c => Petition(c, SecretaryTopics) && c.ReceivedOn >= new DateOnly(2024, 1, 1))).Take(1))
            .ToList();
        foreach (var (repeat, first) in later.Zip(earlier))
        {
            repeat.RepeatOf = first;
            repeat.Topic = first.Topic;
            repeat.Commune = first.Commune;
            repeat.Petitioner = first.Petitioner;
        }
    }

    /// <summary>
    /// Dates and outcomes: forwarded and declined cases within a few working days; cases within jurisdiction
    /// accepted within the time limit and assigned, exactly <paramref name="resolvedByEnd"/> of them resolved by the
    /// end of May 2024, the others later, <paramref name="stillOpen"/> never (overdue today).
    /// </summary>
    private void PlanFates(List<PlannedCase> pool, int resolvedByEnd, int stillOpen)
    {
        foreach (var c in pool)
        {
            c.ActedOn = calendar.AddWorkingDays(c.ReceivedOn, random.Next(1, 5));
            c.Complex = c.Topic.Kind != CaseKind.Petition && random.Next(100) < 25;
            c.AssignedOn = calendar.AddWorkingDays(c.ActedOn, random.Next(0, 2));
            c.ResolvedOn = NextWorkingDay(c.AssignedOn.AddDays(random.Next(10, c.Complex ? 50 : 36)));
        }

        var within = pool.Where(c => c.Topics != LeaderForwards && c.Topics != SecretaryForwards && c.Topics != Declined).ToList();
        var fitting = within.Where(c => c.ResolvedOn <= PeriodEnd).ToList();
        if (fitting.Count < resolvedByEnd)
        {
            throw new InvalidOperationException($"The demo plans only {fitting.Count} cases that can be resolved by {PeriodEnd:yyyy-MM-dd}, not {resolvedByEnd}.");
        }

        var lingering = within.Except(fitting).Concat(Shuffled(fitting).Take(fitting.Count - resolvedByEnd)).ToList();
        foreach (var c in lingering)
        {
            c.Complex = c.Topic.Kind != CaseKind.Petition || c.Complex;
            var from = c.ResolvedOn!.Value > PeriodEnd ? c.ResolvedOn.Value : PeriodEnd;
            c.ResolvedOn = NextWorkingDay(from.AddDays(random.Next(5, 200)));
        }

        foreach (var c in Shuffled(lingering).Take(stillOpen))
        {
            c.ResolvedOn = null;
        }
    }

    /// <summary>Five district meetings and forty commune meetings over 2023 and the first half of 2024, some on cases.</summary>
    private List<DialogueMeetingRequest> PlanMeetings()
    {
        var meetings = new List<(DateOnly Day, string Unit, DialogueLevel Level, string Topic, int Participants, string ParticipantNote, string Outcome, List<string> Cases)>();
        var districtDays = new[] { new DateOnly(2023, 3, 23), new(2023, 6, 22), new(2023, 10, 26), new(2024, 1, 25), new(2024, 5, 23) };
        foreach (var (day, topic) in districtDays.Select(NextWorkingDay).Zip(DistrictDialogues))
        {
            var linked = Shuffled(cases.Where(c => c.Topics == LeaderTopics && c.ReceivedOn < day && c.Topic.Kind != CaseKind.Denunciation)).Take(random.Next(2, 5)).Select(c => c.Reference).ToList();
            meetings.Add((day, DemoBodies.DistrictCode, DialogueLevel.District, topic.Topic, random.Next(60, 160),
                "Chủ tịch UBND huyện chủ trì; đại diện Thường trực Huyện ủy, HĐND, Ủy ban MTTQ huyện, các phòng chuyên môn, UBND các xã liên quan và các hộ dân.", topic.Outcome, linked));
        }

        var shuffled = Shuffled(communes);
        var span = DialoguesTo.DayNumber - DialoguesFrom.DayNumber;
        for (var i = 0; i < CommuneMeetings; i++)
        {
            var commune = shuffled[i % shuffled.Count];
            var day = NextWorkingDay(DateOnly.FromDayNumber(DialoguesFrom.DayNumber + random.Next(span - 7)));
            var topic = CommuneDialogues[random.Next(CommuneDialogues.Length)];
            var name = LowerCaseName(commune.Unit);
            var linked = cases.Where(c => c.Commune == commune && c.ReceivedOn < day && c.Topics == LeaderTopics && c.Topic.Kind != CaseKind.Denunciation).Take(random.Next(0, 3)).Select(c => c.Reference).ToList();
            meetings.Add((day, commune.Unit.Code, DialogueLevel.Commune, string.Format(CultureInfo.InvariantCulture, topic.Topic, name), random.Next(20, 90),
                $"Chủ tịch UBND {name} chủ trì; đại diện Đảng ủy, HĐND, Ủy ban MTTQ xã, trưởng thôn và người dân.", topic.Outcome, linked));
        }

        var numbers = new Dictionary<(string, int), int>();
        return meetings.OrderBy(m => m.Day).ThenBy(m => m.Unit, StringComparer.Ordinal).Select(m =>
        {
            var number = numbers[(m.Unit, m.Day.Year)] = numbers.GetValueOrDefault((m.Unit, m.Day.Year)) + 1;
            return new DialogueMeetingRequest(m.Unit, WireNames<DialogueLevel>.ToWire(m.Level), IsoDate.Format(m.Day), m.Topic, m.Participants, m.ParticipantNote, m.Outcome, m.Cases,
                $"DTH-{m.Unit}-{m.Day.Year}-{number:D2}");
        }).ToList();
    }

    private async Task<Guid> WriteCaseAsync(PlannedCase c, CancellationToken cancellationToken)
    {
        var topic = c.Topic;
        var place = LowerCaseName(c.Commune.Unit);
        var received = Require(await workflow.ReceiveAsync(new CaseRequest(
            WireNames<CaseKind>.ToWire(topic.Kind),
            c.Session.Unit,
            IsoDate.Format(c.ReceivedOn),
            WireNames<CaseChannel>.ToWire(CaseChannel.ReceptionSession),
            string.Format(CultureInfo.InvariantCulture, topic.Subject, place),
            string.Format(CultureInfo.InvariantCulture, topic.Content, place),
            c.Petitioner,
            c.PetitionerCount,
            c.Reference,
            c.Session.Reference), cancellationToken), c.Reference);
        var id = received.Id;
        if (c.Topics == Declined)
        {
            var step = random.Next(3) == 0
                ? await workflow.WithdrawAsync(id, c.ActedOn, "Công dân rút đơn sau khi được giải thích chính sách, pháp luật.", cancellationToken: cancellationToken)
                : await workflow.RejectAsync(id, c.ActedOn, topic.Outcome, cancellationToken: cancellationToken);
            Require(step, c.Reference);
            return id;
        }

        if (topic.ForwardedTo is { } forwardedTo)
        {
            Require(await workflow.ForwardAsync(id, c.ActedOn, string.Format(CultureInfo.InvariantCulture, forwardedTo, place), topic.Outcome, cancellationToken: cancellationToken), c.Reference);
            return id;
        }

        var accepted = Require(await workflow.AcceptAsync(id, c.ActedOn, c.Complex, remoteArea: false, cancellationToken: cancellationToken), c.Reference);
        Require(await workflow.AssignAsync(id, c.AssignedOn, Assignee, cancellationToken: cancellationToken), c.Reference);
        if (topic.Kind == CaseKind.Denunciation && (c.ResolvedOn is null || c.ResolvedOn > accepted.DueOn))
        {
            var on = accepted.DueOn!.Value.AddDays(-3);
            Require(await workflow.ExtendAsync(id, on < c.AssignedOn ? c.AssignedOn : on, "Vụ việc phức tạp, cần xác minh thêm tài liệu, chứng cứ.", $"{random.Next(100, 999)}/QĐ-UBND", cancellationToken: cancellationToken), c.Reference);
        }

        if (c.ResolvedOn is { } resolvedOn)
        {
            Require(await workflow.ResolveAsync(id, resolvedOn, topic.Outcome, cancellationToken: cancellationToken), c.Reference);
        }

        return id;
    }

    private PlannedSession AddSession(string unit, DateOnly day, Person host, HostRole role, SessionKind kind, int visits, int attending, string note)
    {
        var session = new PlannedSession(unit, day, host, role, kind, visits, attending, note);
        sessions.Add(session);
        return session;
    }

    /// <summary>A case brought at the session on a topic of the table; denunciations are rarer than the table's other topics.</summary>
    private void AddCase(PlannedSession session, CaseTopic[] topics, int petitionerCount)
    {
        var commune = communes[random.Next(communes.Count)];
        CaseTopic topic;
        do
        {
            topic = topics[random.Next(topics.Length)];
        }
        while (topic.Kind == CaseKind.Denunciation && random.Next(5) != 0);

        cases.Add(new PlannedCase(session, topics, topic, commune, NewPetitioner(commune), petitionerCount));
    }

    /// <summary>Register numbers in date order, each year from 1: <c>TCD-277-2023-001</c> for sessions, <c>VV-277-2023-0001</c> for cases.</summary>
    private void Number()
    {
        foreach (var (session, i) in sessions.Select((s, i) => (s, i)).OrderBy(x => x.s.Day).ThenBy(x => x.i).Select(x => x.s).GroupBy(s => s.Day.Year).SelectMany(g => g.Select((s, i) => (s, i))))
        {
            session.Reference = $"TCD-277-{session.Day.Year}-{i + 1:D3}";
        }

        var ordered = cases.Select((c, i) => (c, i)).OrderBy(x => x.c.ReceivedOn).ThenBy(x => x.c.Session.Reference, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.c);
        foreach (var (c, i) in ordered.GroupBy(c => c.ReceivedOn.Year).SelectMany(g => g.Select((c, i) => (c, i))))
        {
            c.Reference = $"VV-277-{c.ReceivedOn.Year}-{i + 1:D4}";
        }
    }

    /// <summary>A petitioner with a name no other petitioner of the demo has (not even without diacritics), so that a denouncer's name is found nowhere else.</summary>
    private PetitionerDetails NewPetitioner(DemoCommune commune)
    {
        string name;
        do
        {
            var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
            name = names.Next(gender, random.Next(1945, 1998));
        }
        while (!usedNames.Add(VietnameseText.Fold(name)));

        var villages = commune.Branches.Where(b => b.Kind == BranchKind.Village).ToList();
        var village = villages[random.Next(villages.Count)].Unit.Versions[0].Name["Chi bộ ".Length..];
        var phone = $"0{"389"[random.Next(3)]}{random.Next(10_000_000, 100_000_000)}";
        return new PetitionerDetails(name, $"{village}, {LowerCaseName(commune.Unit)}, huyện Chương Mỹ, thành phố Hà Nội", phone);
    }

    private Person Holder(string unitCode, string title) => Holders(unitCode, title).First();

    /// <summary>The people holding a post in a district body throughout the period, in code order.</summary>
    private List<Person> Holders(string unitCode, string title)
    {
        var unitId = structure.District.Bodies[unitCode].Id;
        var holders = people
            .Where(p => p.Positions.Any(x => x.UnitId == unitId && x.Title == title && Dates.Covers(x.From, x.To, PeriodStart) && Dates.Covers(x.From, x.To, DialoguesTo)))
            .ToList();
        return holders.Count > 0 ? holders : throw new InvalidOperationException($"The demo has nobody holding '{title}' in {unitCode} from {PeriodStart:yyyy-MM-dd}.");
    }

    private DateOnly NextWorkingDay(DateOnly day) => calendar.IsWorkingDay(day) ? day : calendar.AddWorkingDays(day, 1);

    /// <summary>
    /// <paramref name="total"/> shared among <paramref name="count"/> parts at random, each between
    /// <paramref name="least"/> and <paramref name="most"/>, in proportion to <paramref name="weights"/> when given.
    /// </summary>
    private int[] Spread(int total, int count, int least = 0, int most = int.MaxValue, double[]? weights = null)
    {
        var parts = new int[count];
        var weightSum = weights?.Sum() ?? count;
        for (var i = 0; i < count; i++)
        {
            parts[i] = Math.Clamp((int)Math.Round(total * (weights?[i] ?? 1) / weightSum), least, most);
        }

        while (parts.Sum() != total)
        {
            var i = random.Next(count);
            var step = Math.Sign(total - parts.Sum());
            if (parts[i] + step >= least && parts[i] + step <= most)
            {
                parts[i] += step;
            }
        }

        return parts;
    }

    private List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToArray();
        random.Shuffle(list);
        return list.ToList();
    }

    private static CitizenCase Require(CaseResult result, string reference) =>
        result.Succeeded ? result.Case! : throw new InvalidOperationException($"demo case {reference}: {string.Join("; ", result.Errors.Select(e => $"{e.Field} {e.Message}"))}");

    private static void Require(IReadOnlyList<FieldError> errors, string reference)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"demo record {reference}: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"))}");
        }
    }

    /// <summary>"Xã Tốt Động" → "xã Tốt Động", "Thị trấn Chúc Sơn" → "thị trấn Chúc Sơn".</summary>
    private static string LowerCaseName(UnitSnapshot unit) => char.ToLowerInvariant(unit.Name[0]) + unit.Name[1..];

    private sealed record PlannedSession(string Unit, DateOnly Day, Person Host, HostRole Role, SessionKind Kind, int Visits, int People, string Note)
    {
        public string Reference { get; set; } = "";

        public ReceptionSessionRequest Request => new(
            Unit, IsoDate.Format(Day), Host.FullName, Host.Code, WireNames<HostRole>.ToWire(Role), WireNames<SessionKind>.ToWire(Kind), Visits, People, Note, Reference);
    }

    private sealed class PlannedCase(PlannedSession session, CaseTopic[] topics, CaseTopic topic, DemoCommune commune, PetitionerDetails petitioner, int petitionerCount)
    {
        public string Reference { get; set; } = "";

        public PlannedSession Session { get; } = session;

        public DateOnly ReceivedOn => Session.Day;

        /// <summary>The table the topic came from, which says what becomes of the case (handled, forwarded, declined).</summary>
        public CaseTopic[] Topics { get; } = topics;

        public CaseTopic Topic { get; set; } = topic;

        public DemoCommune Commune { get; set; } = commune;

        public PetitionerDetails Petitioner { get; set; } = petitioner;

        public int PetitionerCount { get; } = petitionerCount;

        public PlannedCase? RepeatOf { get; set; }

        /// <summary>When the case was accepted, forwarded, declined or withdrawn.</summary>
        public DateOnly ActedOn { get; set; }

        public DateOnly AssignedOn { get; set; }

        public bool Complex { get; set; }

        /// <summary>Null: still open.</summary>
        public DateOnly? ResolvedOn { get; set; }
    }

    /// <summary>
    /// What a citizen brings and what became of it. <c>{0}</c> stands for the commune ("xã Tốt Động"). For a
    /// forwarded case <see cref="ForwardedTo"/> names the competent body and <see cref="Outcome"/> is the guidance
    /// given; for a declined case the reason.
    /// </summary>
    private sealed record CaseTopic(CaseKind Kind, string Subject, string Content, string Outcome, string? ForwardedTo = null);

    private sealed record DialogueTopic(string Topic, string Outcome);

    private static readonly CaseTopic[] GroupTopics =
    [
        new(CaseKind.Petition, "Kiến nghị của các hộ dân về đơn giá bồi thường, hỗ trợ giải phóng mặt bằng dự án đường liên xã qua {0}",
            "Đoàn các hộ dân có đất nông nghiệp bị thu hồi đề nghị xem xét lại đơn giá bồi thường, hỗ trợ chuyển đổi nghề nghiệp và tiến độ chi trả.",
            "UBND huyện đã tổ chức đối thoại; rà soát đơn giá theo quy định của UBND Thành phố, bổ sung hỗ trợ ổn định đời sống và chi trả đủ cho các hộ."),
        new(CaseKind.Complaint, "Khiếu nại của các hộ dân về phương án bồi thường, tái định cư dự án khu dân cư tại {0}",
            "Các hộ dân không đồng ý với phương án bồi thường, hỗ trợ, tái định cư đã được phê duyệt, cho rằng vị trí tái định cư không phù hợp.",
            "Quyết định giải quyết khiếu nại: khiếu nại đúng một phần; điều chỉnh vị trí tái định cư cho 6 hộ, giữ nguyên các nội dung khác của phương án."),
    ];

    private static readonly CaseTopic[] LeaderTopics =
    [
        new(CaseKind.Petition, "Kiến nghị về đơn giá bồi thường, hỗ trợ khi thu hồi đất nông nghiệp tại {0}",
            "Gia đình có đất nông nghiệp bị thu hồi, đề nghị xem xét lại đơn giá bồi thường và mức hỗ trợ chuyển đổi nghề nghiệp, tạo việc làm.",
            "Đã rà soát hồ sơ thu hồi đất; đơn giá áp dụng đúng quy định của UBND Thành phố. Bổ sung hỗ trợ chuyển đổi nghề cho hộ gia đình; đã trả lời công dân bằng văn bản."),
        new(CaseKind.Petition, "Đề nghị cấp Giấy chứng nhận quyền sử dụng đất ở tồn đọng tại {0}",
            "Hộ gia đình sử dụng đất ổn định từ trước năm 1993, đã nộp hồ sơ nhiều năm nhưng chưa được cấp Giấy chứng nhận quyền sử dụng đất.",
            "Chỉ đạo Văn phòng Đăng ký đất đai chi nhánh Chương Mỹ và UBND xã hoàn thiện hồ sơ; đã cấp Giấy chứng nhận cho hộ gia đình."),
        new(CaseKind.Petition, "Phản ánh vi phạm trật tự xây dựng trên đất nông nghiệp tại {0}",
            "Một số hộ xây dựng nhà xưởng, công trình kiên cố trên đất nông nghiệp; chính quyền xã chưa xử lý dứt điểm.",
            "Đội Quản lý trật tự xây dựng đô thị huyện kiểm tra, lập biên bản; UBND xã đã ban hành quyết định xử phạt và buộc tháo dỡ công trình vi phạm."),
        new(CaseKind.Petition, "Phản ánh ô nhiễm môi trường từ cơ sở chăn nuôi tại {0}",
            "Mùi hôi và nước thải từ trang trại chăn nuôi lợn xả ra kênh tiêu, ảnh hưởng đến sinh hoạt của các hộ dân xung quanh.",
            "Phòng Tài nguyên và Môi trường kiểm tra, lấy mẫu; cơ sở bị xử phạt và phải hoàn thiện hệ thống xử lý nước thải trong 60 ngày."),
        new(CaseKind.Petition, "Kiến nghị xét công nhận hộ cận nghèo, trợ cấp xã hội tại {0}",
            "Gia đình có hoàn cảnh khó khăn, có người khuyết tật nặng, đề nghị được xét vào danh sách hộ cận nghèo và hưởng trợ cấp xã hội.",
            "UBND xã rà soát theo tiêu chí; hộ gia đình được công nhận hộ cận nghèo và người khuyết tật được hưởng trợ cấp xã hội hằng tháng."),
        new(CaseKind.Petition, "Phản ánh lấn chiếm hành lang an toàn giao thông đường liên xã tại {0}",
            "Một số hộ lấn chiếm hành lang đường liên xã để dựng lều quán, tập kết vật liệu, gây mất an toàn giao thông.",
            "UBND xã đã tổ chức giải tỏa, lập biên bản các trường hợp vi phạm và trả lại hành lang an toàn giao thông."),
        new(CaseKind.Petition, "Phản ánh việc giao ruộng sau dồn điền đổi thửa không đúng phương án tại {0}",
            "Diện tích ruộng được giao sau dồn điền đổi thửa ít hơn diện tích trong phương án đã được hội nghị thôn thông qua.",
            "UBND xã đo đạc lại và điều chỉnh diện tích giao cho hộ gia đình theo đúng phương án; đã trả lời công dân."),
        new(CaseKind.Petition, "Kiến nghị bố trí tái định cư cho hộ bị thu hồi toàn bộ đất ở tại {0}",
            "Gia đình bị thu hồi toàn bộ đất ở để thực hiện dự án, đề nghị được bố trí tái định cư tại chỗ.",
            "Đã bố trí một suất tái định cư tại khu tái định cư của xã theo đúng tiêu chuẩn; đã trả lời công dân bằng văn bản."),
        new(CaseKind.Complaint, "Khiếu nại quyết định thu hồi đất nông nghiệp của UBND huyện tại {0}",
            "Không đồng ý với quyết định thu hồi đất, cho rằng diện tích thu hồi không đúng với diện tích thực tế gia đình đang sử dụng.",
            "Quyết định giải quyết khiếu nại: giữ nguyên quyết định thu hồi đất; điều chỉnh diện tích bồi thường theo kết quả đo đạc lại."),
        new(CaseKind.Complaint, "Khiếu nại việc kiểm đếm, bồi thường tài sản, cây cối hoa màu trên đất thu hồi tại {0}",
            "Khi kiểm đếm, tổ công tác bỏ sót cây lâu năm và công trình phụ trên đất; gia đình khiếu nại phương án bồi thường đã phê duyệt.",
            "Quyết định giải quyết khiếu nại: khiếu nại đúng một phần; bổ sung bồi thường tài sản bị kiểm đếm thiếu."),
        new(CaseKind.Complaint, "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng tại {0}",
            "Người khiếu nại cho rằng công trình cải tạo nhà ở không thuộc trường hợp phải có giấy phép xây dựng nên việc xử phạt là không đúng.",
            "Quyết định giải quyết khiếu nại: khiếu nại sai; giữ nguyên quyết định xử phạt vi phạm hành chính."),
        new(CaseKind.Complaint, "Khiếu nại việc không được hỗ trợ tái định cư khi thu hồi đất tại {0}",
            "Gia đình có đủ điều kiện nhưng không có tên trong danh sách được giao đất tái định cư.",
            "Quyết định giải quyết khiếu nại: khiếu nại đúng; bổ sung hộ gia đình vào danh sách được giao đất tái định cư."),
        new(CaseKind.SecondComplaint, "Khiếu nại lần hai quyết định giải quyết khiếu nại của Chủ tịch UBND {0} về ranh giới thửa đất",
            "Không đồng ý với quyết định giải quyết khiếu nại lần đầu của Chủ tịch UBND xã về việc xác định ranh giới thửa đất giáp ranh.",
            "Quyết định giải quyết khiếu nại lần hai: công nhận quyết định giải quyết khiếu nại lần đầu của Chủ tịch UBND xã."),
        new(CaseKind.SecondComplaint, "Khiếu nại lần hai về việc thu hồi đất công ích do UBND {0} cho thuê",
            "Không đồng ý với quyết định giải quyết khiếu nại lần đầu về việc chấm dứt hợp đồng thuê đất công ích trước thời hạn.",
            "Quyết định giải quyết khiếu nại lần hai: khiếu nại đúng một phần; yêu cầu UBND xã bồi hoàn chi phí đầu tư trên đất cho người thuê."),
        new(CaseKind.Denunciation, "Tố cáo công chức địa chính {0} sai phạm trong xác nhận nguồn gốc sử dụng đất",
            "Người tố cáo cho rằng công chức địa chính xác nhận sai nguồn gốc, thời điểm sử dụng đất để hợp thức hóa hồ sơ cấp Giấy chứng nhận.",
            "Kết luận nội dung tố cáo: tố cáo đúng một phần; kiểm điểm, xử lý kỷ luật công chức vi phạm và thu hồi văn bản xác nhận sai."),
        new(CaseKind.Denunciation, "Tố cáo cán bộ {0} buông lỏng quản lý, để xảy ra vi phạm xây dựng trên đất công",
            "Người tố cáo cho rằng cán bộ xã biết nhưng không xử lý việc xây dựng trái phép trên đất công do xã quản lý.",
            "Kết luận nội dung tố cáo: tố cáo đúng; yêu cầu tháo dỡ công trình vi phạm, kiểm điểm trách nhiệm cán bộ có liên quan."),
    ];

    private static readonly CaseTopic[] SecretaryTopics =
    [
        new(CaseKind.Petition, "Kiến nghị chỉ đạo giải quyết dứt điểm việc chậm chi trả tiền bồi thường giải phóng mặt bằng tại {0}",
            "Gia đình đã bàn giao mặt bằng nhưng sau nhiều tháng vẫn chưa nhận đủ tiền bồi thường, hỗ trợ.",
            "Bí thư Huyện ủy chỉ đạo UBND huyện và Ban Quản lý dự án rà soát; tiền bồi thường đã được chi trả đủ cho hộ gia đình."),
        new(CaseKind.Petition, "Phản ánh về tư cách, lối sống của đảng viên là cán bộ thôn tại {0}",
            "Phản ánh một đảng viên là cán bộ thôn có lời nói, việc làm thiếu chuẩn mực, gây mất đoàn kết trong khu dân cư.",
            "Chi bộ thôn đã kiểm điểm đảng viên; Đảng ủy xã báo cáo kết quả xử lý, Huyện ủy trả lời công dân."),
        new(CaseKind.Petition, "Kiến nghị về việc chậm giải quyết đơn thư của chính quyền {0}",
            "Đơn kiến nghị về tranh chấp lối đi chung gửi UBND xã đã quá thời hạn nhưng chưa được trả lời.",
            "Bí thư Huyện ủy yêu cầu Đảng ủy xã chỉ đạo giải quyết; UBND xã đã tổ chức hòa giải thành và trả lời công dân."),
        new(CaseKind.Petition, "Kiến nghị về công tác quản lý đất đai, trật tự xây dựng tại {0}",
            "Đề nghị cấp ủy chỉ đạo xử lý tình trạng xây dựng nhà trên đất nông nghiệp kéo dài nhiều năm.",
            "Huyện ủy chỉ đạo kiểm tra; UBND xã đã xử lý các công trình vi phạm và báo cáo kết quả."),
        new(CaseKind.Petition, "Kiến nghị về chế độ, chính sách đối với người có công tại {0}",
            "Đề nghị xem xét hồ sơ hưởng chế độ đối với người hoạt động kháng chiến bị nhiễm chất độc hóa học.",
            "Bí thư Huyện ủy chỉ đạo Phòng Lao động – Thương binh và Xã hội hướng dẫn bổ sung hồ sơ; hồ sơ đã được trình cấp có thẩm quyền."),
        new(CaseKind.Denunciation, "Tố cáo đảng viên là cán bộ {0} vi phạm trong quản lý quỹ đất công",
            "Người tố cáo cho rằng một đảng viên giữ chức vụ ở xã đã cho thuê đất công trái thẩm quyền để hưởng lợi.",
            "Ủy ban Kiểm tra Huyện ủy kết luận: tố cáo đúng một phần; thi hành kỷ luật khiển trách đảng viên vi phạm."),
    ];

    private static readonly CaseTopic[] LeaderForwards =
    [
        new(CaseKind.Petition, "Đề nghị giải quyết tranh chấp thừa kế quyền sử dụng đất trong gia đình tại {0}",
            "Các anh chị em trong gia đình không thống nhất việc chia thừa kế thửa đất của cha mẹ để lại.",
            "Hướng dẫn công dân gửi đơn khởi kiện đến Tòa án nhân dân huyện Chương Mỹ theo thủ tục tố tụng dân sự.", "Tòa án nhân dân huyện Chương Mỹ"),
        new(CaseKind.Complaint, "Khiếu nại quyết định hành chính của Chủ tịch UBND {0}",
            "Không đồng ý với quyết định của Chủ tịch UBND xã về việc xử lý vi phạm trên đất nông nghiệp.",
            "Hướng dẫn công dân gửi đơn đến Chủ tịch UBND xã, người có thẩm quyền giải quyết khiếu nại lần đầu.", "Ủy ban nhân dân {0}"),
        new(CaseKind.Petition, "Kiến nghị về chế độ bảo hiểm xã hội một lần",
            "Đề nghị xem xét lại thời gian đóng bảo hiểm xã hội khi giải quyết chế độ bảo hiểm xã hội một lần.",
            "Chuyển đơn và hướng dẫn công dân liên hệ Bảo hiểm xã hội huyện Chương Mỹ để được giải quyết theo thẩm quyền.", "Bảo hiểm xã hội huyện Chương Mỹ"),
        new(CaseKind.Petition, "Phản ánh tiền điện sinh hoạt tăng bất thường tại {0}",
            "Hóa đơn tiền điện các tháng mùa hè tăng gấp nhiều lần so với cùng kỳ, đề nghị kiểm tra công tơ.",
            "Chuyển đơn đến Điện lực Chương Mỹ để kiểm tra công tơ và trả lời công dân.", "Điện lực Chương Mỹ"),
        new(CaseKind.Denunciation, "Tố cáo hành vi tổ chức đánh bạc, gây mất an ninh trật tự tại {0}",
            "Người tố cáo phản ánh một nhóm đối tượng thường xuyên tụ tập đánh bạc tại khu vực bãi sông.",
            "Chuyển thông tin đến Công an huyện Chương Mỹ xử lý theo quy định của pháp luật về tố giác tội phạm.", "Công an huyện Chương Mỹ"),
        new(CaseKind.Petition, "Kiến nghị về bồi thường dự án giao thông do Thành phố làm chủ đầu tư qua {0}",
            "Đề nghị xem xét lại giá bồi thường công trình, vật kiến trúc của dự án do cơ quan của Thành phố làm chủ đầu tư.",
            "Chuyển đơn đến Ban Quản lý dự án đầu tư xây dựng công trình giao thông Thành phố, chủ đầu tư dự án, để trả lời công dân.", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông Thành phố Hà Nội"),
        new(CaseKind.Petition, "Đề nghị giải quyết tranh chấp hợp đồng vay tiền",
            "Người vay không trả nợ đúng hạn theo giấy vay tiền, đề nghị chính quyền can thiệp.",
            "Hướng dẫn công dân khởi kiện tại Tòa án nhân dân huyện Chương Mỹ; đây là tranh chấp dân sự.", "Tòa án nhân dân huyện Chương Mỹ"),
    ];

    private static readonly CaseTopic[] SecretaryForwards =
    [
        new(CaseKind.Complaint, "Khiếu nại quyết định thu hồi đất của UBND huyện tại {0}",
            "Không đồng ý với quyết định thu hồi đất để thực hiện dự án, đề nghị Bí thư Huyện ủy xem xét.",
            "Hướng dẫn công dân gửi đơn đến Chủ tịch UBND huyện, người có thẩm quyền giải quyết khiếu nại theo Luật Khiếu nại.", "Ủy ban nhân dân huyện Chương Mỹ"),
        new(CaseKind.Petition, "Kiến nghị về cấp Giấy chứng nhận quyền sử dụng đất tại {0}",
            "Hồ sơ đề nghị cấp Giấy chứng nhận đã nộp nhưng chưa được giải quyết.",
            "Chuyển đơn đến UBND huyện giải quyết theo thẩm quyền quản lý nhà nước về đất đai.", "Ủy ban nhân dân huyện Chương Mỹ"),
        new(CaseKind.Petition, "Đề nghị giải quyết tranh chấp ranh giới đất giữa các hộ liền kề tại {0}",
            "Hai hộ liền kề tranh chấp ranh giới thửa đất, hòa giải ở thôn không thành.",
            "Hướng dẫn công dân đề nghị UBND xã tổ chức hòa giải tranh chấp đất đai theo quy định.", "Ủy ban nhân dân {0}"),
        new(CaseKind.Denunciation, "Tố cáo đảng viên thuộc diện Thành ủy quản lý",
            "Người tố cáo phản ánh vi phạm của một cán bộ thuộc diện cấp trên quản lý.",
            "Chuyển đơn đến Ủy ban Kiểm tra Thành ủy Hà Nội, cơ quan có thẩm quyền giải quyết.", "Ủy ban Kiểm tra Thành ủy Hà Nội"),
    ];

    /// <summary>Cases not taken up: the reason given (or, when withdrawn, nothing more to do).</summary>
    private static readonly CaseTopic[] Declined =
    [
        new(CaseKind.Petition, "Kiến nghị xem xét lại việc bồi thường đã được giải quyết tại {0}",
            "Công dân tiếp tục đề nghị xem xét lại nội dung đã được cơ quan có thẩm quyền giải quyết và trả lời.",
            "Không thụ lý: nội dung đã được giải quyết đúng chính sách, pháp luật và có văn bản trả lời; công dân không đưa ra tình tiết mới."),
    ];

    private static readonly DialogueTopic[] DistrictDialogues =
    [
        new("Đối thoại với các hộ dân bị thu hồi đất thực hiện dự án đường giao thông liên xã trên địa bàn huyện",
            "Các hộ dân đồng thuận với phương án bồi thường, hỗ trợ; UBND huyện giao phòng chuyên môn rà soát các trường hợp còn vướng mắc trong 30 ngày."),
        new("Đối thoại về phương án bồi thường, hỗ trợ, tái định cư dự án khu đô thị tại thị trấn Xuân Mai",
            "Giải đáp chính sách bồi thường, hỗ trợ; thống nhất bổ sung hỗ trợ chuyển đổi nghề; 12 hộ cam kết bàn giao mặt bằng."),
        new("Đối thoại với công dân về các vụ việc khiếu nại, kiến nghị kéo dài liên quan đến đất đai",
            "Làm rõ nguồn gốc đất của từng vụ việc; giao Thanh tra huyện và Phòng Tài nguyên và Môi trường kiểm tra, báo cáo kết quả trong 45 ngày."),
        new("Đối thoại về cấp Giấy chứng nhận quyền sử dụng đất cho các trường hợp đất giao trái thẩm quyền",
            "Công bố quy trình xử lý đất giao trái thẩm quyền; UBND các xã hoàn thiện hồ sơ trình cấp Giấy chứng nhận trong quý."),
        new("Đối thoại với người dân về xử lý vi phạm trật tự xây dựng và ô nhiễm môi trường tại các làng nghề",
            "Thống nhất lộ trình di dời các cơ sở gây ô nhiễm; xử lý dứt điểm các công trình vi phạm trật tự xây dựng phát sinh."),
    ];

    private static readonly DialogueTopic[] CommuneDialogues =
    [
        new("Đối thoại về bồi thường, giải phóng mặt bằng các dự án trên địa bàn {0}",
            "Giải đáp chính sách bồi thường, hỗ trợ; các hộ dân thống nhất phương án, UBND xã tiếp tục vận động các hộ còn lại."),
        new("Đối thoại về cấp Giấy chứng nhận quyền sử dụng đất tồn đọng tại {0}",
            "Hướng dẫn hoàn thiện hồ sơ; UBND xã lập danh sách các trường hợp đủ điều kiện trình huyện cấp Giấy chứng nhận."),
        new("Đối thoại về dồn điền đổi thửa và giao ruộng sau dồn điền tại {0}",
            "Rà soát lại diện tích giao ruộng; điều chỉnh cho các hộ bị giao thiếu theo đúng phương án đã thông qua."),
        new("Đối thoại về xử lý vi phạm trật tự xây dựng trên đất nông nghiệp tại {0}",
            "Các hộ vi phạm cam kết tự tháo dỡ công trình; UBND xã tăng cường kiểm tra, xử lý vi phạm mới phát sinh."),
        new("Đối thoại về vệ sinh môi trường, thu gom rác thải sinh hoạt tại {0}",
            "Thống nhất lịch thu gom rác thải, mức thu phí vệ sinh; xử lý các điểm tập kết rác tự phát."),
        new("Đối thoại về thực hiện chính sách an sinh xã hội, rà soát hộ nghèo tại {0}",
            "Công khai kết quả rà soát hộ nghèo, hộ cận nghèo; giải đáp thắc mắc của người dân về tiêu chí xét duyệt."),
        new("Đối thoại về đầu tư, cải tạo đường giao thông nông thôn và kênh mương nội đồng tại {0}",
            "Thống nhất phương án đóng góp, huy động nguồn lực và tiến độ thi công; công khai các khoản đóng góp."),
    ];
}
