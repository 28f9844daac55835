using System.Globalization;
using IntegrationHub.Core.Matching;

namespace IntegrationHub.LinkageBenchmark;

/// <summary>A reproducible synthetic person list: people drawn from skewed name, place and date distributions (so
/// that common names collide, as they do), and duplicates of some of them carrying the errors real lists have —
/// typos, nicknames, swapped names, day and month swapped, missing values, a changed email domain, a mistyped phone.</summary>
internal sealed class SyntheticPeople(int seed)
{
    private static readonly string[] FirstNames =
    [
        "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william", "elizabeth", "david", "barbara",
        "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen", "christopher", "nancy", "daniel", "lisa",
        "matthew", "betty", "anthony", "margaret", "mark", "sandra", "donald", "ashley", "steven", "kimberly", "paul", "emily",
        "andrew", "donna", "joshua", "michelle", "kenneth", "dorothy", "kevin", "carol", "brian", "amanda", "george", "melissa",
        "edward", "deborah", "ronald", "stephanie", "timothy", "rebecca", "jason", "sharon", "jeffrey", "laura", "ryan", "cynthia",
        "jacob", "kathleen", "gary", "amy", "nicholas", "shirley", "eric", "angela", "jonathan", "helen", "stephen", "anna",
        "larry", "brenda", "justin", "pamela", "scott", "nicole", "brandon", "emma", "benjamin", "samantha", "samuel", "katherine",
        "gregory", "christine", "frank", "debra", "alexander", "rachel", "raymond", "catherine", "patrick", "carolyn", "jack",
        "janet", "dennis", "ruth", "jerry", "maria", "tyler", "heather", "aaron", "diane", "jose", "virginia", "adam", "julie",
        "henry", "joyce", "nathan", "victoria", "douglas", "olivia", "zachary", "kelly", "peter", "christina", "kyle", "lauren",
        "walter", "joan", "ethan", "evelyn", "jeremy", "judith", "harold", "megan", "keith", "cheryl", "christian", "andrea",
        "roger", "hannah", "noah", "martha", "gerald", "jacqueline", "carl", "frances", "terry", "gloria", "sean", "ann",
        "austin", "teresa", "arthur", "kathryn", "lawrence", "sara", "jesse", "janice", "dylan", "jean", "bryan", "alice",
        "joe", "madison", "jordan", "doris", "billy", "abigail", "bruce", "julia", "albert", "judy", "willie", "grace",
        "gabriel", "denise", "logan", "amber", "alan", "marilyn", "juan", "beverly", "wayne", "danielle", "roy", "theresa",
        "ralph", "sophia", "randy", "marie", "eugene", "diana", "vincent", "brittany", "russell", "natalie", "elijah", "isabella",
        "louis", "charlotte", "bobby", "rose", "philip", "alexis", "johnny", "kayla", "mateo", "aisha", "wei", "priya", "omar",
        "fatima", "hiroshi", "yuki", "liam", "chloe", "lucas", "mia", "oliver", "ava", "ivan", "olga", "pierre", "amelie",
    ];

    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["james"] = ["jim", "jimmy"], ["robert"] = ["bob", "rob", "bobby"], ["william"] = ["bill", "will", "liam"],
        ["elizabeth"] = ["liz", "beth", "eliza"], ["richard"] = ["rick", "dick", "rich"], ["joseph"] = ["joe", "joey"],
        ["thomas"] = ["tom", "tommy"], ["charles"] = ["charlie", "chuck"], ["christopher"] = ["chris"],
        ["daniel"] = ["dan", "danny"], ["matthew"] = ["matt"], ["anthony"] = ["tony"], ["margaret"] = ["maggie", "peggy"],
        ["michael"] = ["mike", "mick"], ["jennifer"] = ["jen", "jenny"], ["patricia"] = ["pat", "patty", "trish"],
        ["katherine"] = ["kate", "kathy", "katie"], ["samantha"] = ["sam"], ["alexander"] = ["alex"], ["benjamin"] = ["ben"],
        ["nicholas"] = ["nick"], ["jonathan"] = ["jon"], ["andrew"] = ["andy", "drew"], ["edward"] = ["ed", "ted"],
        ["victoria"] = ["vicky", "tori"], ["rebecca"] = ["becky"], ["stephanie"] = ["steph"], ["deborah"] = ["deb", "debbie"],
        ["susan"] = ["sue", "suzy"], ["jessica"] = ["jess"], ["timothy"] = ["tim"], ["kenneth"] = ["ken", "kenny"],
        ["steven"] = ["steve"], ["gregory"] = ["greg"], ["samuel"] = ["sam"], ["zachary"] = ["zach"], ["abigail"] = ["abby"],
    };

    private static readonly string[] Surnames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez",
        "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson",
        "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright",
        "scott", "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall", "rivera", "campbell",
        "mitchell", "carter", "roberts", "gomez", "phillips", "evans", "turner", "diaz", "parker", "cruz", "edwards", "collins",
        "reyes", "stewart", "morris", "morales", "murphy", "cook", "rogers", "gutierrez", "ortiz", "morgan", "cooper", "peterson",
        "bailey", "reed", "kelly", "howard", "ramos", "kim", "cox", "ward", "richardson", "watson", "brooks", "chavez", "wood",
        "james", "bennett", "gray", "mendoza", "ruiz", "hughes", "price", "alvarez", "castillo", "sanders", "patel", "myers",
        "long", "ross", "foster", "jimenez", "powell", "jenkins", "perry", "russell", "sullivan", "bell", "coleman", "butler",
        "henderson", "barnes", "gonzales", "fisher", "vasquez", "simmons", "romero", "jordan", "patterson", "alexander",
        "hamilton", "graham", "reynolds", "griffin", "wallace", "moreno", "west", "cole", "hayes", "bryant", "herrera", "gibson",
        "ellis", "tran", "medina", "aguilar", "stevens", "murray", "ford", "castro", "marshall", "owens", "harrison", "fernandez",
        "mcdonald", "woods", "washington", "kennedy", "wells", "vargas", "henry", "chen", "freeman", "webb", "tucker", "guzman",
        "burns", "crawford", "olson", "simpson", "porter", "hunter", "gordon", "mendez", "silva", "shaw", "snyder", "mason",
        "dixon", "munoz", "hunt", "hicks", "holmes", "palmer", "wagner", "black", "robertson", "boyd", "rose", "stone", "salazar",
        "fox", "warren", "mills", "meyer", "rice", "schmidt", "garza", "daniels", "ferguson", "nichols", "stephens", "soto",
        "weaver", "ryan", "gardner", "payne", "grant", "dunn", "kelley", "spencer", "hawkins", "arnold", "pierce", "vazquez",
    ];

    private static readonly string[] Syllables =
    [
        "ab", "al", "an", "ar", "ba", "bel", "ber", "bo", "bra", "ca", "car", "cha", "da", "del", "den", "do", "dra", "el", "en",
        "er", "fa", "fer", "fi", "ga", "gar", "gi", "ha", "har", "hol", "in", "ja", "ka", "kar", "ki", "la", "lan", "le", "li",
        "lo", "ma", "mar", "mel", "mi", "mo", "na", "nel", "ni", "no", "or", "pa", "per", "pi", "ra", "ran", "re", "ri", "ro",
        "sa", "sel", "si", "sto", "ta", "ter", "ti", "to", "va", "ver", "vi", "wa", "win", "ya", "za", "zel",
    ];

    private static readonly string[] SurnameEndings = ["son", "ton", "berg", "ley", "man", "ford", "well", "er", "ez", "ski", "ov", "ini", "ard", "wood", "field"];

    private static readonly string[] StreetWords =
    [
        "oak", "maple", "cedar", "pine", "elm", "park", "lake", "hill", "river", "sunset", "church", "station", "mill",
        "spring", "forest", "meadow", "valley", "ridge", "highland", "willow", "chestnut", "walnut", "cherry", "main", "high",
        "king", "queen", "victoria", "george", "albert", "bridge", "market", "north", "south", "east", "west", "union",
        "franklin", "lincoln", "jefferson", "madison", "washington", "grant", "harbor", "bay", "beach", "ocean", "garden",
    ];

    private static readonly string[] StreetTypes = ["street", "road", "avenue", "drive", "lane", "court", "place", "crescent", "way", "boulevard"];

    private static readonly Dictionary<string, string> StreetAbbreviations = new(StringComparer.Ordinal)
    {
        ["street"] = "st", ["road"] = "rd", ["avenue"] = "ave", ["drive"] = "dr", ["lane"] = "ln", ["court"] = "ct",
        ["place"] = "pl", ["crescent"] = "cres", ["way"] = "wy", ["boulevard"] = "blvd",
    };

    private static readonly string[] Domains = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me", "mail.com"];

    private static readonly string[] States = ["ca", "tx", "fl", "ny", "pa", "il", "oh", "ga", "nc", "mi", "nj", "va", "wa", "az", "ma"];

    private static readonly int[] AreaCodes =
    [
        201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234,
        239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 272, 276, 281, 301, 302, 303, 304, 305, 307, 308,
        309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 325, 330, 331, 334, 336, 337, 339, 347, 351, 352,
        360, 361, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414, 415, 417, 419, 423, 424, 425, 430, 432,
        434, 435, 440, 443, 469, 470, 475, 478, 479, 480, 484, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515,
        516, 517, 518, 520, 530, 540, 541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 580, 585, 586, 601, 602, 603,
        605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619, 620, 623, 626, 630, 631, 636, 641, 646, 650, 651,
        660, 661, 662, 678, 682, 701, 702, 703, 704, 706, 707, 708, 712, 713, 714, 715, 716, 717, 718, 719, 720, 724, 727,
    ];

    private readonly Random random = new(seed);
    private readonly double[] firstWeights = Zipf(FirstNames.Length, 0.7);
    private readonly double[] surnameWeights = Zipf(Surnames.Length, 0.6);
    private readonly string[] cities = CityNames(new Random(seed + 1), 2_000);

    /// <summary>Generates <paramref name="count"/> records, about one in five a duplicate of an earlier person (one to
    /// four duplicates each), shuffled. The truth is the person number.</summary>
    public LabelledList Generate(int count)
    {
        var records = new List<(Person Person, int Entity)>(count);
        var entity = 0;
        while (records.Count < count)
        {
            var person = NewPerson();
            records.Add((person, entity));
            if (random.NextDouble() < 0.12)
            {
                var duplicates = 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 2) * 4);
                for (var d = 0; d < duplicates && records.Count < count; d++)
                {
                    records.Add((Corrupt(person), entity));
                }
            }
            entity++;
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(records));
        var list = records.Select((r, i) => r.Person.ToRecord(i.ToString(CultureInfo.InvariantCulture))).ToList();
        return new LabelledList($"synthetic {count:N0}", list, records.Select(r => r.Entity.ToString(CultureInfo.InvariantCulture)).ToList());
    }

    private Person NewPerson()
    {
        var first = random.NextDouble() < 0.8 ? FirstNames[Pick(firstWeights)] : GeneratedName("");
        var last = random.NextDouble() < 0.3 ? Surnames[Pick(surnameWeights)] : GeneratedName(SurnameEndings[random.Next(SurnameEndings.Length)]);
        var city = random.Next(cities.Length);
        // A city has a few postcodes; its state follows from it.
        var postcode = 10_000 + (city * 37 % 29_000 * 3) + random.Next(3);
        var birth = new DateOnly(1935, 1, 1).AddDays(random.Next(365 * 70));
        var street = $"{StreetWords[random.Next(StreetWords.Length)]} {StreetTypes[random.Next(StreetTypes.Length)]}";
        var email = random.NextDouble() < 0.8
            ? $"{first}{(random.NextDouble() < 0.5 ? "." : "")}{last}{random.Next(1, 10_000).ToString(CultureInfo.InvariantCulture)}@{Domains[random.Next(Domains.Length)]}"
            : null;
        var phone = random.NextDouble() < 0.7
            ? $"({AreaCodes[random.Next(AreaCodes.Length)]}) {random.Next(2, 10)}{random.Next(0, 10)}{random.Next(2, 10)}-{random.Next(0, 10_000):D4}"
            : null;
        return new Person(
            first, last, email, phone, birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            random.Next(1, 2_000).ToString(CultureInfo.InvariantCulture), street, cities[city],
            postcode.ToString(CultureInfo.InvariantCulture), States[city % States.Length]);
    }

    private Person Corrupt(Person person)
    {
        var errors = 1 + random.Next(3);
        for (var e = 0; e < errors; e++)
        {
            person = random.Next(13) switch
            {
                0 => person with { First = Typo(person.First) },
                1 => person with { Last = Typo(person.Last) },
                2 => person with { First = Nicknames.TryGetValue(person.First ?? "", out var nicks) ? nicks[random.Next(nicks.Length)] : Typo(person.First) },
                3 => person with { First = person.Last, Last = person.First },
                4 => person with { BirthDate = SwapDayMonth(person.BirthDate) },
                5 => person with { BirthDate = Typo(person.BirthDate, digits: true) },
                6 => person with { Email = person.Email is null ? null : $"{person.Email[..person.Email.IndexOf('@', StringComparison.Ordinal)]}@{Domains[random.Next(Domains.Length)]}" },
                7 => person with { Phone = person.Phone is null ? null : Typo(person.Phone, digits: true) },
                8 => person with { Street = Abbreviate(person.Street) },
                9 => person with { Postcode = Typo(person.Postcode, digits: true) },
                10 => Blank(person),
                11 => person with { City = Typo(person.City), StreetNumber = random.NextDouble() < 0.5 ? Typo(person.StreetNumber, digits: true) : person.StreetNumber },
                _ => person with { Email = null, Phone = random.NextDouble() < 0.5 ? null : person.Phone },
            };
        }
        return person;
    }

    private Person Blank(Person person) => random.Next(6) switch
    {
        0 => person with { First = null },
        1 => person with { Last = null },
        2 => person with { BirthDate = null },
        3 => person with { Street = null, StreetNumber = null },
        4 => person with { Postcode = null },
        _ => person with { City = null },
    };

    private string? Typo(string? value, bool digits = false)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 2)
        {
            return value;
        }
        var chars = value.ToList();
        var at = random.Next(chars.Count);
        var letter = digits ? (char)('0' + random.Next(10)) : (char)('a' + random.Next(26));
        if (digits && !char.IsAsciiDigit(chars[at]))
        {
            return value;
        }
        switch (random.Next(digits ? 2 : 4))
        {
            case 0:
                chars[at] = letter;
                break;
            case 1:
                if (at + 1 < chars.Count && (!digits || char.IsAsciiDigit(chars[at + 1])))
                {
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                }
                break;
            case 2:
                chars.Insert(at, letter);
                break;
            default:
                chars.RemoveAt(at);
                break;
        }
        return new string(chars.ToArray());
    }

    private static string? SwapDayMonth(string? date) =>
        date is null || int.Parse(date[8..], CultureInfo.InvariantCulture) > 12 ? date : $"{date[..4]}-{date[8..]}-{date[5..7]}";

    private string? Abbreviate(string? street)
    {
        if (street is null)
        {
            return null;
        }
        var parts = street.Split(' ');
        return StreetAbbreviations.TryGetValue(parts[^1], out var shortForm) ? $"{parts[0]} {shortForm}" : Typo(street);
    }

    /// <summary>A long tail of rarer names, as real lists have.</summary>
    private string GeneratedName(string ending)
    {
        var parts = 2 + random.Next(2);
        var name = string.Concat(Enumerable.Range(0, parts).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return name + ending;
    }

    private int Pick(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
    }

    private static double[] Zipf(int count, double exponent)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1 / Math.Pow(i + 1, exponent);
            cumulative[i] = total;
        }
        return cumulative;
    }

    private static string[] CityNames(Random random, int count) => Enumerable.Range(0, count)
        .Select(_ => string.Concat(Syllables[random.Next(Syllables.Length)], Syllables[random.Next(Syllables.Length)], random.Next(3) switch { 0 => "ville", 1 => "ton", _ => " springs" }))
        .ToArray();

    private sealed record Person(
        string? First, string? Last, string? Email, string? Phone, string? BirthDate, string? StreetNumber, string? Street,
        string? City, string? Postcode, string? State)
    {
        public MatchRecord ToRecord(string id) => new(id)
        {
            [MatchRole.FirstName] = First,
            [MatchRole.LastName] = Last,
            [MatchRole.Email] = Email,
            [MatchRole.Phone] = Phone,
            [MatchRole.DateOfBirth] = BirthDate,
            [MatchRole.StreetNumber] = StreetNumber,
            [MatchRole.StreetAddress] = Street,
            [MatchRole.City] = City,
            [MatchRole.Postcode] = Postcode,
            [MatchRole.State] = State,
        };
    }
}
