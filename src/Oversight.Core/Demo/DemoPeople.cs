using Oversight.Organisation;
using Oversight.People;

namespace Oversight.Demo;

/// <summary>
/// Plans the people of the demo: the leaders of Huyện Chương Mỹ and of its communes in their posts, with the
/// transfers of August 2023 – July 2024 the inspection reported, and Party members in every Party branch up to
/// an exact total.
/// </summary>
/// <remarks>
/// Everyone is a Party member; leaders belong to the branch of their office (or school). Codes are
/// <c>DV-000001</c>… in the order people are planned, so the same seed gives the same person the same code.
/// </remarks>
internal sealed class DemoPeople
{
    internal const string Secretary = "Bí thư Đảng ủy";
    private const string DeputySecretary = "Phó Bí thư Đảng ủy";
    private const string StandingDeputySecretary = "Phó Bí thư Thường trực Đảng ủy";
    private const string Chairman = "Chủ tịch Ủy ban nhân dân";
    internal const string ViceChairman = "Phó Chủ tịch Ủy ban nhân dân";
    private const string LandAndConstructionOfficial = "Công chức Địa chính – Xây dựng";
    internal const string Principal = "Hiệu trưởng";
    private const string StandingCommitteeMember = "Ủy viên Ban Thường vụ Huyện ủy";

    /// <summary>
    /// The last day anyone in the demo was admitted to the Party: before the study of Directive 24-CT/TU in September
    /// 2023, which reached every member ("more than 11,300 cadres and Party members", see <see cref="DemoAccountability"/>).
    /// </summary>
    private static readonly DateOnly LastAdmission = new(2023, 8, 31);

    /// <summary>
    /// The district's posts. <c>Branch</c> is the index of the member's Party branch among the district's;
    /// <c>Successor</c> orders the district leaders who became Party secretaries of the communes formed on 1 Jul 2025.
    /// </summary>
    private static readonly DistrictPost[] DistrictPosts =
    [
        new("Bí thư Huyện ủy", "277-HU", 0, 10, 1966, 1972, new(2020, 7, 15), new(2020, 8, 15), StandingCommittee: true, Successor: 1),
        new("Phó Bí thư Thường trực Huyện ủy", "277-HU", 0, 20, 1967, 1975, new(2020, 7, 15), new(2021, 12, 31), StandingCommittee: true, Successor: 2),
        new("Chủ tịch Ủy ban nhân dân huyện", "277-UBND", 1, 10, 1968, 1976, new(2021, 6, 20), new(2022, 6, 30), StandingCommittee: true, Successor: 3, AlsoHU: "Phó Bí thư Huyện ủy"),
        new("Chủ tịch Hội đồng nhân dân huyện", "277-HDND", 1, 20, 1966, 1974, new(2021, 6, 20), new(2021, 7, 10), StandingCommittee: true, Successor: 4),
        new("Phó Chủ tịch Hội đồng nhân dân huyện", "277-HDND", 1, 30, 1968, 1980, new(2021, 6, 20), new(2021, 7, 10)),
        new("Phó Chủ tịch Ủy ban nhân dân huyện", "277-UBND", 1, 20, 1970, 1982, new(2019, 1, 1), new(2023, 6, 30), StandingCommittee: true),
        new("Phó Chủ tịch Ủy ban nhân dân huyện", "277-UBND", 1, 20, 1970, 1982, new(2019, 1, 1), new(2023, 6, 30)),
        new("Phó Chủ tịch Ủy ban nhân dân huyện", "277-UBND", 1, 20, 1970, 1982, new(2019, 1, 1), new(2023, 6, 30)),
        new("Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "277-HU-UBKT", 0, 15, 1967, 1976, new(2020, 7, 15), new(2022, 12, 31), StandingCommittee: true, Successor: 5),
        new("Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "277-HU-UBKT", 0, 30, 1970, 1985, new(2018, 1, 1), new(2023, 6, 30), Field: SensitiveField.Inspection),
        new("Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", "277-HU-UBKT", 0, 30, 1970, 1985, new(2018, 1, 1), new(2023, 6, 30), Field: SensitiveField.Inspection),
        new("Trưởng Ban Tổ chức Huyện ủy", "277-HU-BTC", 0, 25, 1968, 1978, new(2020, 8, 1), new(2022, 12, 31), Field: SensitiveField.Personnel, StandingCommittee: true, Successor: 6),
        new("Chánh Văn phòng HĐND và UBND huyện", "277-VP", 1, 25, 1970, 1982, new(2018, 1, 1), new(2023, 6, 30)),
        new("Trưởng Ban Tiếp công dân huyện", "277-BTCD", 1, 30, 1970, 1982, new(2018, 1, 1), new(2023, 6, 30)),
        new("Trưởng phòng Nội vụ", "277-PNV", 2, 35, 1970, 1982, new(2017, 1, 1), new(2023, 6, 30), Field: SensitiveField.Personnel),
        new("Trưởng phòng Tài nguyên và Môi trường", "277-TNMT", 3, 15, 1970, 1982, new(2016, 1, 1), new(2022, 12, 31), Field: SensitiveField.Land),
        new("Phó Trưởng phòng Tài nguyên và Môi trường", "277-TNMT", 3, 25, 1972, 1985, new(2015, 1, 1), new(2022, 12, 31), Field: SensitiveField.Land),
        new("Chuyên viên quản lý đất đai", "277-TNMT", 3, 35, 1978, 1992, new(2012, 1, 1), new(2021, 12, 31), Field: SensitiveField.Land, Leadership: false),
        new("Chuyên viên quản lý đất đai", "277-TNMT", 3, 35, 1978, 1992, new(2012, 1, 1), new(2021, 12, 31), Field: SensitiveField.Land, Leadership: false),
        new("Trưởng phòng Giáo dục và Đào tạo", "277-GDDT", 4, 45, 1968, 1980, new(2018, 1, 1), new(2023, 6, 30), Field: SensitiveField.Education),
        new("Chánh Thanh tra huyện", "277-TTR", 5, 20, 1970, 1982, new(2017, 1, 1), new(2023, 6, 30), Field: SensitiveField.Inspection),
        new("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "277-MTTQ", 6, 30, 1966, 1976, new(2019, 8, 1), new(2021, 12, 31), StandingCommittee: true),
        new("Giám đốc Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên", "277-GDNN", 7, 40, 1968, 1980, new(2016, 1, 1), new(2022, 12, 31)),
    ];

    /// <summary>Transfers the inspection reported for August 2023 – July 2024, by the District People's Committee.</summary>
    private static readonly DateOnly SchoolManagerTransfers = new(2023, 8, 15);
    private static readonly DateOnly FirstViceChairmanTransfers = new(2023, 10, 2);
    private static readonly DateOnly LandOfficialTransfers = new(2024, 1, 15);
    private static readonly DateOnly SecondViceChairmanTransfers = new(2024, 3, 1);

    /// <summary>Rotations of commune leaders the District Standing Committee decided: 21 Party secretaries under Directive 24-CT/TU, then 30 standing deputy secretaries.</summary>
    private static readonly DateOnly SecretaryRotations = new(2023, 11, 1);
    private static readonly DateOnly DeputySecretaryRotations = new(2024, 4, 1);
    private const int SecretariesRotated = 21;
    private const int DeputySecretariesRotated = 30;

    private readonly Random random;
    private readonly DemoNames names;
    private readonly DemoStructure structure;
    private readonly List<Person> people = [];
    private readonly List<(Person Person, PositionHeld Post)> posts = [];

    private DemoPeople(DemoStructure structure, Random random)
    {
        this.structure = structure;
        this.random = random;
        names = new DemoNames(random);
    }

    /// <summary>Plans exactly <paramref name="memberCount"/> people, all Party members, ordered by code.</summary>
    public static IReadOnlyList<Person> Plan(DemoStructure structure, int memberCount, Random random)
    {
        var planner = new DemoPeople(structure, random);
        var districtSuccessors = planner.PlanDistrictLeaders();
        var communeLeaders = structure.Communes.Where(c => c.IsOriginal).ToDictionary(c => c, planner.PlanCommuneLeaders);
        planner.PlanTransfers(communeLeaders);
        planner.PlanLaterCommunes(districtSuccessors);
        planner.PlanMembers(memberCount);
        return planner.people;
    }

    private Queue<Person> PlanDistrictLeaders()
    {
        var district = structure.District;
        var successors = new SortedDictionary<int, Person>();
        foreach (var post in DistrictPosts)
        {
            var person = NewPerson(post.FemalePercent, post.BornFrom, post.BornTo, district.Branches[post.Branch], leader: true);
            var from = RandomDate(post.FromEarliest, post.FromLatest);
            AddPost(person, district.Bodies[post.UnitCode], post.Title, post.Leadership, post.Field, from);
            if (post.AlsoHU is { } title)
            {
                AddPost(person, district.Bodies[DemoBodies.DistrictPartyCommitteeCode], title, true, SensitiveField.None, from);
            }

            if (post.StandingCommittee)
            {
                AddPost(person, district.Bodies["277-HU-BTV"], StandingCommitteeMember, true, SensitiveField.None, from);
            }

            if (post.Successor is { } order)
            {
                successors[order] = person;
            }
        }

        return new Queue<Person>(successors.Values);
    }

    private CommuneLeaders PlanCommuneLeaders(DemoCommune commune)
    {
        var office = commune.Office;
        var secretary = NewPerson(10, 1966, 1978, office, leader: true);
        var secretaryPost = AddPost(secretary, commune.PartyCommittee, Secretary, true, SensitiveField.None, RandomDate(new(2020, 5, 1), new(2021, 12, 31)));
        var deputy = NewPerson(25, 1968, 1982, office, leader: true);
        var deputyPost = AddPost(deputy, commune.PartyCommittee, StandingDeputySecretary, true, SensitiveField.None, RandomDate(new(2020, 5, 1), new(2022, 12, 31)));
        var chairman = NewPerson(10, 1968, 1982, office, leader: true);
        var chairmanFrom = RandomDate(new(2021, 6, 25), new(2022, 12, 31));
        AddPost(chairman, commune.PeoplesCommittee, Chairman, true, SensitiveField.None, chairmanFrom);
        AddPost(chairman, commune.PartyCommittee, DeputySecretary, true, SensitiveField.None, chairmanFrom);
        var viceChairmen = Enumerable.Range(0, 2).Select(_ =>
        {
            var vice = NewPerson(25, 1970, 1987, office, leader: true);
            return AddPost(vice, commune.PeoplesCommittee, ViceChairman, true, SensitiveField.None, RandomDate(new(2016, 7, 1), new(2023, 6, 30)));
        }).ToList();
        var officials = new[] { SensitiveField.Land, SensitiveField.Construction }.Select(field =>
        {
            var official = NewPerson(20, 1968, 1992, office, leader: false);
            var earliest = official.BirthDate!.Value.AddYears(23);
            var from = RandomDate(new(2008, 1, 1), new(2022, 12, 31));
            return AddPost(official, commune.PeoplesCommittee, LandAndConstructionOfficial, false, field, from < earliest ? earliest : from);
        }).ToList();
        var principals = commune.Schools.Select(school =>
        {
            var branch = commune.Branches.Single(b => b.School == school);
            var femalePercent = school.Level switch { SchoolLevel.Preschool => 95, SchoolLevel.Primary => 60, _ => 35 };
            var principal = NewPerson(femalePercent, 1966, 1985, branch, leader: true);
            return AddPost(principal, school.Unit, Principal, true, SensitiveField.None, RandomDate(new(2012, 8, 1), new(2022, 8, 31)));
        }).ToList();
        return new CommuneLeaders(secretaryPost, deputyPost, viceChairmen, officials, principals);
    }

    /// <summary>
    /// The District People's Committee transferred 16 Vice Chairmen of commune People's Committees, 5 commune land
    /// and construction officials (those longest in post) and 21 school managers, and the District Standing
    /// Committee rotated 21 commune Party secretaries and 30 standing deputy secretaries (51 leading cadres), each
    /// to the same post in another commune, with their Party membership.
    /// </summary>
    private void PlanTransfers(Dictionary<DemoCommune, CommuneLeaders> leaders)
    {
        var communes = leaders.Keys.ToArray();
        random.Shuffle(communes);
        var viceChairmen = communes.Take(16).Select(c => (Post: leaders[c].ViceChairmen[0], Unit: c.PeoplesCommittee, Branch: c.Office)).ToList();
        Rotate(viceChairmen.Take(8).ToList(), FirstViceChairmanTransfers);
        Rotate(viceChairmen.Skip(8).ToList(), SecondViceChairmanTransfers);

        var landOfficials = leaders
            .Select(l => (Post: l.Value.Officials.Single(o => o.SensitiveField == SensitiveField.Land), Unit: l.Key.PeoplesCommittee, Branch: l.Key.Office))
            .OrderBy(o => o.Post.From)
            .ThenBy(o => o.Unit.Code, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        Rotate(landOfficials, LandOfficialTransfers);

        foreach (var level in Enum.GetValues<SchoolLevel>())
        {
            random.Shuffle(communes);
            Rotate(communes.Take(7).Select(c =>
            {
                var index = c.Schools.ToList().FindIndex(s => s.Level == level);
                return (Post: leaders[c].Principals[index], Unit: c.Schools[index].Unit, Branch: c.Branches.Single(b => b.School == c.Schools[index]));
            }).ToList(), SchoolManagerTransfers);
        }

        random.Shuffle(communes);
        Rotate(communes.Take(SecretariesRotated).Select(c => (Post: leaders[c].Secretary, Unit: c.PartyCommittee, Branch: c.Office)).ToList(), SecretaryRotations);
        random.Shuffle(communes);
        Rotate(communes.Take(DeputySecretariesRotated).Select(c => (Post: leaders[c].StandingDeputy, Unit: c.PartyCommittee, Branch: c.Office)).ToList(), DeputySecretaryRotations);
    }

    /// <summary>Each holder moves to the next one's post on <paramref name="date"/>, the last to the first's.</summary>
    private void Rotate(List<(PositionHeld Post, Unit Unit, DemoBranch Branch)> ring, DateOnly date)
    {
        var holders = ring.Select(r => posts.Single(p => p.Post == r.Post).Person).ToList();
        for (var i = 0; i < ring.Count; i++)
        {
            var (post, _, _) = ring[i];
            var (_, unit, branch) = ring[(i + 1) % ring.Count];
            var person = holders[i];
            post.To = date.AddDays(-1);
            AddPost(person, unit, post.Title, post.IsLeadership, post.SensitiveField, date);
            MoveMembership(person, branch, date);
        }
    }

    /// <summary>
    /// The posts of the units formed in 2025: their secretary and chairman come from the units they were formed
    /// from (on 1 Jul 2025, when the district was abolished, its leaders became the new communes' secretaries);
    /// the land and construction officials carry on in the unit their area went to.
    /// </summary>
    private void PlanLaterCommunes(Queue<Person> districtLeaders)
    {
        var districtEnd = structure.District.Unit.ValidTo;
        foreach (var commune in structure.Communes.Where(c => !c.IsOriginal))
        {
            var start = commune.Unit.ValidFrom!.Value;
            var lastDay = start.AddDays(-1);
            var predecessors = commune.Predecessors.Select(p => structure.Commune(p.Unit.Id)).ToList();
            foreach (var predecessor in predecessors)
            {
                var officials = HoldersOn(predecessor.PeoplesCommittee, LandAndConstructionOfficial, lastDay);
                for (var i = 0; i < officials.Count; i++)
                {
                    if (predecessor.SuccessorFor(i)?.Id == commune.Unit.Id)
                    {
                        AddPost(officials[i].Person, commune.PeoplesCommittee, LandAndConstructionOfficial, false, officials[i].Post.SensitiveField, start);
                    }
                }
            }

            if (!commune.IsInArea)
            {
                continue;
            }

            var whole = predecessors.Where((_, i) => !commune.Predecessors[i].Partial).ToList();
            var secretaries = whole.SelectMany(p => HoldersOn(p.PartyCommittee, Secretary, lastDay)).Select(h => h.Person).ToList();
            var chairmen = whole.SelectMany(p => HoldersOn(p.PeoplesCommittee, Chairman, lastDay)).Select(h => h.Person).ToList();
            Person? secretary;
            if (districtEnd is { } end && end.AddDays(1) == start && districtLeaders.TryDequeue(out var leader))
            {
                secretary = leader;
                MoveMembership(leader, whole.First(p => p.IsOriginal).Office, start);
            }
            else
            {
                secretary = secretaries.FirstOrDefault();
                secretaries = secretaries.Skip(1).ToList();
            }

            if (secretary is not null)
            {
                AddPost(secretary, commune.PartyCommittee, Secretary, true, SensitiveField.None, start);
            }

            foreach (var deputy in secretaries.Take(2))
            {
                AddPost(deputy, commune.PartyCommittee, DeputySecretary, true, SensitiveField.None, start);
            }

            var viceChairmen = chairmen.Skip(1).Concat(whole.SelectMany(p => HoldersOn(p.PeoplesCommittee, ViceChairman, lastDay)).Select(h => h.Person)).Take(2);
            foreach (var (person, title) in chairmen.Take(1).Select(p => (p, Chairman)).Concat(viceChairmen.Select(p => (p, ViceChairman))))
            {
                AddPost(person, commune.PeoplesCommittee, title, true, SensitiveField.None, start);
            }
        }
    }

    /// <summary>
    /// Fills every Party branch with members so that the total is exactly <paramref name="total"/>: each branch
    /// gets a random weight by its kind, the members beyond the leaders already in it are shared out by weight.
    /// </summary>
    private void PlanMembers(int total)
    {
        var branches = structure.District.Branches.Concat(structure.Communes.SelectMany(c => c.Branches)).ToList();
        var towns = structure.Communes.Where(c => c.Unit.Kind is UnitKind.Town or UnitKind.Ward).SelectMany(c => c.Branches).ToHashSet();
        var weights = branches.Select(b => (double)(b.Kind switch
        {
            BranchKind.Village => towns.Contains(b) ? random.Next(40, 81) : random.Next(25, 61),
            BranchKind.Office => random.Next(18, 29),
            BranchKind.Police => random.Next(8, 17),
            BranchKind.Military => random.Next(5, 11),
            BranchKind.School => b.School!.Level switch
            {
                SchoolLevel.Preschool => random.Next(6, 13),
                SchoolLevel.Primary => random.Next(10, 19),
                _ => random.Next(12, 23),
            },
            _ => random.Next(10, 26),
        })).ToArray();
        var remaining = total - people.Count;
        if (remaining < 0)
        {
            throw new InvalidOperationException($"The demo's {people.Count} leaders exceed the {total} Party members planned.");
        }

        foreach (var (branch, count) in branches.Zip(Apportion(remaining, weights)))
        {
            for (var i = 0; i < count; i++)
            {
                NewMember(branch);
            }
        }
    }

    /// <summary>Shares <paramref name="total"/> out in proportion to the weights, exactly (largest remainders first).</summary>
    private static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var byRemainder = Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i);
        foreach (var i in byRemainder.Take(total - shares.Sum()))
        {
            shares[i]++;
        }

        return shares;
    }

    private void NewMember(DemoBranch branch)
    {
        var (femalePercent, bornFrom, bornTo) = branch.Kind switch
        {
            BranchKind.Village => random.Next(100) switch
            {
                < 30 => (30, 1932, 1954),
                < 60 => (35, 1955, 1969),
                _ => (40, 1970, 2001),
            },
            BranchKind.Office => (40, 1966, 1998),
            BranchKind.Police => (10, 1975, 1999),
            BranchKind.Military => (5, 1970, 1999),
            BranchKind.School => (branch.School!.Level switch { SchoolLevel.Preschool => 95, SchoolLevel.Primary => 75, _ => 65 }, 1966, 1998),
            _ => (45, 1966, 1998),
        };
        NewPerson(femalePercent, bornFrom, bornTo, branch, leader: false);
    }

    private Person NewPerson(int femalePercent, int bornFrom, int bornTo, DemoBranch branch, bool leader)
    {
        var gender = random.Next(100) < femalePercent ? Gender.Female : Gender.Male;
        var birth = RandomDate(new(bornFrom, 1, 1), new(bornTo, 12, 31));
        var code = $"DV-{people.Count + 1:D6}";
        var person = new Person
        {
            Code = code,
            FullName = names.Next(gender, birth.Year),
            Gender = gender,
            BirthDate = birth,

            // The demo's addresses are example ones (RFC 2606): nothing sent to them reaches anyone.
            Email = $"{code.ToLowerInvariant()}@example.org",
        };

        // Admitted at 18 to about 32, most often in their twenties; leaders before they took office.
        var earliest = birth.AddYears(18);
        var joined = leader
            ? earliest.AddYears(2 + random.Next(6)).AddDays(random.Next(365))
            : earliest.AddYears(random.Next(8) + random.Next(8)).AddDays(random.Next(365));
        if (joined > LastAdmission)
        {
            joined = RandomDate(earliest, LastAdmission);
        }

        person.Memberships.Add(new PartyMembership { Joined = joined, OfficialFrom = joined.AddYears(1), BranchId = branch.Unit.Id, To = branch.Unit.ValidTo });
        people.Add(person);
        return person;
    }

    /// <summary>Ends the person's current membership the day before <paramref name="date"/> and starts one in <paramref name="branch"/>.</summary>
    private static void MoveMembership(Person person, DemoBranch branch, DateOnly date)
    {
        var current = person.Memberships[^1];
        if (current.To is null || current.To >= date)
        {
            current.To = date.AddDays(-1);
        }

        person.Memberships.Add(new PartyMembership { Joined = current.Joined, OfficialFrom = current.OfficialFrom, BranchId = branch.Unit.Id, From = date, To = branch.Unit.ValidTo });
    }

    /// <summary>A post from <paramref name="from"/> until its unit ends.</summary>
    private PositionHeld AddPost(Person person, Unit unit, string title, bool leadership, SensitiveField field, DateOnly from)
    {
        var post = new PositionHeld { UnitId = unit.Id, Title = title, IsLeadership = leadership, SensitiveField = field, From = from, To = unit.ValidTo };
        person.Positions.Add(post);
        posts.Add((person, post));
        return post;
    }

    private List<(Person Person, PositionHeld Post)> HoldersOn(Unit unit, string title, DateOnly day) =>
        posts.Where(p => p.Post.UnitId == unit.Id && p.Post.Title == title && Dates.Covers(p.Post.From, p.Post.To, day)).ToList();

    private DateOnly RandomDate(DateOnly first, DateOnly last) => first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    private sealed record CommuneLeaders(PositionHeld Secretary, PositionHeld StandingDeputy, IReadOnlyList<PositionHeld> ViceChairmen, IReadOnlyList<PositionHeld> Officials, IReadOnlyList<PositionHeld> Principals);

    private sealed record DistrictPost(
        string Title,
        string UnitCode,
        int Branch,
        int FemalePercent,
        int BornFrom,
        int BornTo,
        DateOnly FromEarliest,
        DateOnly FromLatest,
        SensitiveField Field = SensitiveField.None,
        bool Leadership = true,
        bool StandingCommittee = false,
        int? Successor = null,
        string? AlsoHU = null);
}
