using Decrim.Batch;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;
using FsCheck;
using FsCheck.Fluent;

namespace Decrim.Tests.Batch;

public class CompiledPolicyTest
{
    private static readonly DateOnly Day = new(2023, 6, 1);

    private static Encounter Possession(string substance, string amount, DateOnly? date = null, Dependence dependence = Dependence.Dependent, int? age = null) => new()
    {
        Date = date ?? Day,
        Conduct = Conduct.Possession,
        Items = [new Item(SubstanceVocabulary.Shared[substance], Quantity.TryParse(amount, out var q, out _) ? q : throw new ArgumentException(amount))],
        Dependence = dependence,
        Age = age,
    };

    private static (CompiledPolicy Compiled, EncounterTable Table, PathwayCode[] Codes) Run(string code, params Encounter[] encounters)
    {
        var compiled = CompiledPolicy.Compile(Repo.Catalogue.Get(code));
        var table = new EncounterTable();
        foreach (var e in encounters) table.Add(e);
        var codes = new PathwayCode[table.Count];
        compiled.Evaluate(table.Columns, codes);
        return (compiled, table, codes);
    }

    [Fact]
    public void Evaluate_NorwayDependentWithinAndAboveFiveGrams_DecidesLikeTheEngine()
    {
        var (compiled, _, codes) = Run("NO", Possession("heroin", "5 g"), Possession("heroin", "5.000001 g"));
        Assert.Equal("dependent-own-use", compiled.RuleOf(codes[0]).Id);
        Assert.NotEqual("dependent-own-use", compiled.RuleOf(codes[1]).Id);
        Assert.False(compiled.IsCriminal(codes[0]));
        Assert.True(compiled.IsCriminal(codes[1]));
    }

    [Fact]
    public void Evaluate_BatchSpanningAVersionChange_EachRowUsesTheVersionInForceOnItsDate()
    {
        var policy = Repo.Catalogue.Get("NO");
        var change = policy.Versions.First(v => v.Rules.SelectMany(r => r.SelfAndDescendants()).Any(n => n.Id == "dependent-own-use")).From;
        var (compiled, _, codes) = Run("NO", Possession("heroin", "4 g", change.AddDays(-1)), Possession("heroin", "4 g", change));
        Assert.NotEqual(compiled.VersionOf(codes[0]).Id, compiled.VersionOf(codes[1]).Id);
        Assert.True(compiled.IsCriminal(codes[0]));
        Assert.False(compiled.IsCriminal(codes[1]));
    }

    [Fact]
    public void Evaluate_DateBeforeEveryVersion_IsAnErrorNotAnException()
    {
        var (_, _, codes) = Run("NO", Possession("heroin", "1 g", new DateOnly(1990, 1, 1)));
        Assert.Equal(BatchError.NoVersion, codes[0].Error);
    }

    [Fact]
    public void Evaluate_ThresholdButNoAmount_IsAnError()
    {
        var e = Possession("heroin", "1 g") with { Items = [new Item(SubstanceVocabulary.Shared["heroin"], null)] };
        var (_, _, codes) = Run("NO", e);
        Assert.Equal(BatchError.AmountNeeded, codes[0].Error);
        Assert.Throws<EvaluationException>(() => Engine.Evaluate(Repo.Catalogue.Get("NO"), e));
    }

    [Fact]
    public void Evaluate_PoliceInstructionsApplyingToTheRow_AreSetInTheCode()
    {
        var (compiled, table, codes) = Run("NO", Possession("heroin", "4 g"));
        var engine = Engine.Evaluate(compiled.Policy, table[0]);
        Assert.NotEmpty(engine.Police);
        Assert.Equal(engine.Police.Select(p => p.Instruction.Id), compiled.PoliceOf(codes[0]).Select(p => p.Id));
    }

    [Fact]
    public void Explain_RebuildsTheFullPathwayFromTheCode()
    {
        var (compiled, table, codes) = Run("KG", Possession("cannabis-herb", "1 g", new DateOnly(2021, 6, 1)));
        var pathway = compiled.Explain(codes[0], table[0]);
        Assert.Same(compiled.RuleOf(codes[0]), pathway.Decisions[0].Rule);
        Assert.NotEmpty(pathway.Trace);
    }

    [Fact]
    public void Explain_CodeOfAnotherEncounter_IsRefused()
    {
        var (compiled, table, codes) = Run("NO", Possession("heroin", "4 g"), Possession("heroin", "40 g"));
        Assert.Throws<InvalidOperationException>(() => compiled.Explain(codes[0], table[1]));
    }

    [Fact]
    public void Evaluate_RawColumnsWithValuesOutsideTheVocabulary_AreInvalidRowsAndTheOthersAreEvaluated()
    {
        var compiled = CompiledPolicy.Compile(Repo.Catalogue.Get("NO"));
        var good = EncounterFlags.Pack(Conduct.Possession, Dependence.Dependent, Place.Public, true, false, null);
        var day = Day.DayNumber;
        var heroin = (ushort)SubstanceVocabulary.Shared.IndexOf("heroin");
        var gram = (byte)EncounterTable.UnitSlot(Unit.Gram);
        int[] dates = [day, day, day, day, day, day, day];
        ushort[] substances = [heroin, 999, heroin, heroin, heroin, heroin, heroin];
        long[] amounts = [4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000];
        byte[] units = [gram, gram, 200, gram, gram, gram, gram];
        byte[] ages = [30, 30, 30, 30, 30, 30, 30];
        ushort[] priors = [0, 0, 0, 0, 0, 0, 0];
        uint[] flags = [good, good, good, good | 7, good | 3 << 3, good | 15 << 5, good | 15 << 11];
        var codes = new PathwayCode[7];
        compiled.Evaluate(new EncounterColumns(dates, substances, amounts, units, ages, priors, flags), codes);
        Assert.Equal("dependent-own-use", compiled.RuleOf(codes[0]).Id);
        Assert.All(codes[1..], c => Assert.Equal(BatchError.InvalidRow, c.Error));
        Assert.Equal(BatchError.InvalidRow, compiled.Evaluate(day, heroin, 4_000_000, gram, 30, 0, good | 15 << 5).Error);
    }

    [Theory]
    [InlineData("5 g", "g", true, 5_000_000L)]
    [InlineData("5 g", "mg", true, 5_000_000_000L)]
    [InlineData("5 g", "g", false, 4_999_999L)]
    [InlineData("1 oz", "g", true, 28_349_523L)]
    [InlineData("28.349524 g", "oz", true, 1_000_000L)]
    [InlineData("28.349523 g", "oz", true, 999_999L)]
    [InlineData("0 g", "g", false, -1L)]
    public void LargestAmountNotAbove_IsExactAtTheBoundary(string threshold, string unit, bool inclusive, long expected)
    {
        Assert.True(Quantity.TryParse(threshold, out var t, out _));
        Assert.True(Unit.TryParse(unit, out var u));
        Assert.Equal(expected, CompiledPolicy.LargestAmountNotAbove(t, u, inclusive));
    }

    [Fact]
    public void Evaluate_AllocatesNothingPerRow()
    {
        var compiled = CompiledPolicy.Compile(Repo.Catalogue.Get("NO"));
        var table = Random(compiled.Policy, 20_000, seed: 1);
        var codes = new PathwayCode[table.Count];
        // Warm up past tiered compilation, whose first calls may allocate on this thread.
        for (var i = 0; i < 5; i++) compiled.Evaluate(table.Columns, codes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        compiled.Evaluate(table.Columns, codes);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void EvaluateParallel_GivesTheSameCodesAsOneThread()
    {
        var compiled = CompiledPolicy.Compile(Repo.Catalogue.Get("CZ"));
        var table = Random(compiled.Policy, 300_000, seed: 2);
        var one = new PathwayCode[table.Count];
        var two = new PathwayCode[table.Count];
        compiled.Evaluate(table.Columns, one);
        compiled.EvaluateParallel(table, two, threads: 2);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Describe_PrintsEveryVersionAndTheRuleTree()
    {
        var compiled = CompiledPolicy.Compile(Repo.Catalogue.Get("NO"));
        var text = compiled.Describe();
        foreach (var v in compiled.Policy.Versions) Assert.Contains($"version {v.Id} ", text, StringComparison.Ordinal);
        Assert.Contains("dependent-own-use", text, StringComparison.Ordinal);
        Assert.Contains("if dependent=yes", text, StringComparison.Ordinal);
        Assert.Contains("g: above if > 5 rebuttable", text, StringComparison.Ordinal);
    }

    private const string LargePriors = """
        jurisdiction: XX
        name: Fixture
        sources:
          - id: act
            title: The Act
        versions:
          - id: v1
            from: 2000-01-01
            basis: statute
            verified: 2026-01-01
            summary: Prior-incident bands too wide to tabulate.
            source: act
            thresholds:
              - substances: [heroin]
                amount: 5 g
                meaning: conclusive
                source: act
            rules:
              - id: r
                conduct: possession
                offence: criminal
                source: act
                then: [criminal-charge]
                exceptions:
                  - id: habitual
                    when: { prior: ">= 5000" }
                    source: act
                    then: [compulsory-treatment]
                  - id: dependent-small
                    when: { dependent: true, quantity: within }
                    source: act
                    then: [voluntary-referral]
                  - id: minor
                    when: { age: "< 18" }
                    source: act
                    then: [warning]
        """;

    [Fact]
    public void Evaluate_TreeTooLargeToTabulate_WalksItAndAgreesWithTheEngine()
    {
        var (policy, diagnostics) = PolicyReader.Read(LargePriors, "XX.yaml");
        Assert.True(policy is not null, string.Join("; ", diagnostics));
        var compiled = CompiledPolicy.Compile(policy);
        Assert.Contains("walked", compiled.Describe(), StringComparison.Ordinal);
        var table = new EncounterTable();
        foreach (var prior in new[] { 0, 4999, 5000, 60000 })
            foreach (var dependence in Enum.GetValues<Dependence>())
                foreach (var age in new int?[] { null, 16, 40 })
                    foreach (var amount in new[] { "5 g", "5.000001 g" })
                        table.Add(Possession("heroin", amount, new DateOnly(2020, 1, 1), dependence, age) with { Prior = prior });
        var codes = new PathwayCode[table.Count];
        compiled.Evaluate(table.Columns, codes);
        for (var i = 0; i < codes.Length; i++) Assert.Null(Disagreement(compiled, table[i], codes[i]));
        Assert.Equal(["dependent-small", "habitual", "minor", "r"], codes.Select(c => compiled.RuleOf(c).Id).Distinct().Order());
    }

    /// <summary>
    /// The batch evaluator and the single-encounter engine agree on every catalogue policy: the same rule, the same
    /// police instructions, or both refuse. Encounters are drawn around version boundaries, threshold amounts
    /// (one millionth either side), condition bounds on age and prior incidents, and every place, outlet and flag.
    /// </summary>
    [Fact]
    public void Evaluate_RandomEncounters_AgreesWithTheEngineOnEveryCataloguePolicy()
    {
        var policies = Repo.Catalogue.All().ToList();
        Assert.NotEmpty(policies);
        var compiled = policies.ToDictionary(p => p.Code, CompiledPolicy.Compile);
        var runs = int.TryParse(Environment.GetEnvironmentVariable("DECRIM_FUZZ_RUNS"), out var n) ? n : 1000;
        var hit = new HashSet<RuleNode>(ReferenceEqualityComparer.Instance);
        int errors = 0, rows = 0;
        var gen = from policy in Gen.Elements(policies.ToArray())
                  from encounters in Gen.ListOf(EncounterFor(policy), 25)
                  select (policy, encounters);
        var property = Prop.ForAll(gen.ToArbitrary(), pair =>
        {
            var (policy, encounters) = pair;
            var table = new EncounterTable();
            foreach (var e in encounters) table.Add(e);
            var codes = new PathwayCode[table.Count];
            compiled[policy.Code].Evaluate(table.Columns, codes);
            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i].IsError) errors++; else hit.Add(compiled[policy.Code].RuleOf(codes[i]));
                rows++;
                var disagreement = Disagreement(compiled[policy.Code], table[i], codes[i]);
                if (disagreement is not null)
                    throw new Xunit.Sdk.XunitException($"{policy.Code} {Show(table[i])}: {disagreement}");
            }
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs * 5), property);
        // The agreement means something only if most rows get a pathway and the draws reach most rules.
        var rules = policies.Sum(p => p.Versions.Sum(v => v.Rules.Sum(r => r.SelfAndDescendants().Count())));
        Assert.True(errors < rows / 3, $"{errors} of {rows} rows were refused");
        Assert.True(hit.Count > rules * 0.75, $"only {hit.Count} of {rules} rules were reached");
    }

    private static string? Disagreement(CompiledPolicy compiled, Encounter encounter, PathwayCode code)
    {
        Pathway pathway;
        try
        {
            pathway = Engine.Evaluate(compiled.Policy, encounter);
        }
        catch (EvaluationException e)
        {
            return code.IsError ? null : $"the engine refuses ({e.Message}) but the batch gives {compiled.RuleOf(code).Id}";
        }
        if (code.IsError) return $"the batch refuses ({code.Error}) but the engine gives {pathway.Decisions[0].Rule.Id}";
        if (!ReferenceEquals(pathway.Decisions[0].Rule, compiled.RuleOf(code)))
            return $"engine {pathway.Version.Id}/{pathway.Decisions[0].Rule.Id} vs batch {compiled.VersionOf(code).Id}/{compiled.RuleOf(code).Id}";
        var police = string.Join(",", pathway.Police.Select(p => p.Instruction.Id));
        var batchPolice = string.Join(",", compiled.PoliceOf(code).Select(p => p.Id));
        if (police != batchPolice) return $"police: engine [{police}] vs batch [{batchPolice}]";
        if (pathway.Criminal != compiled.IsCriminal(code)) return "criminal differs";
        return null;
    }

    private static string Show(Encounter e) =>
        $"{e.Date:yyyy-MM-dd} {e.Conduct} {e.Items[0].Substance.Id} {e.Items[0].Amount} age={e.Age} prior={e.Prior} dep={e.Dependence} place={e.Place} resident={e.Resident} rebutted={e.Rebutted} outlet={e.Outlet}";

    private static Gen<Encounter> EncounterFor(Policy policy)
    {
        var dates = policy.Versions.SelectMany(v => new[] { v.From, v.From.AddDays(-1), v.From.AddDays(200) }.Concat(v.To is { } t ? [t.AddDays(-1), t] : []))
            .Append(new DateOnly(2026, 11, 21)).Distinct().ToArray();
        var amounts = policy.Versions.SelectMany(v => v.Thresholds.Where(t => t.Amount is not null).Select(t => t.Amount!.Value)
                .Concat(v.Supply.SelectMany(o => o.Limits.Select(l => l.Amount))))
            .SelectMany(q => new[] { q, Nudge(q, -1), Nudge(q, 1), new Quantity(q.Value * 3, q.Unit) })
            .Append(new Quantity(0.25m, Unit.Gram)).Append(new Quantity(3, Unit.Tablet)).Distinct().ToArray();
        var ages = new int?[] { null, 12, 15, 16, 17, 18, 19, 20, 21, 22, 25, 30, 65 };
        var substances = SubstanceVocabulary.Shared.All.ToArray();
        var places = Enum.GetValues<Place>().Where(p => p != Place.None && p != Place.All).ToArray();
        var outlets = Enum.GetValues<OutletType>().Select(o => (OutletType?)o).Append(null).ToArray();
        var units = Unit.All.ToArray();
        var randomAmount = from value in Gen.Choose(0, 200_000) from unit in Gen.Elements(units) select new Quantity(value / 1000m, unit);
        var amount = Gen.Frequency(
            (6, Gen.Elements(amounts).Select(q => (Quantity?)q)),
            (3, randomAmount.Select(q => (Quantity?)q)),
            (1, Gen.Constant((Quantity?)null)));
        var conduct = Gen.Frequency((6, Gen.Constant(Conduct.Possession)), (4, Gen.Elements(Enum.GetValues<Conduct>())));
        return from date in Gen.Frequency((4, Gen.Elements(dates)), (1, Gen.Choose(-400, 9800).Select(d => new DateOnly(2000, 1, 1).AddDays(d))))
               from c in conduct
               from substance in Gen.Elements(substances)
               from q in amount
               from age in Gen.Elements(ages)
               from prior in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 4)))
               from dependence in Gen.Elements(Enum.GetValues<Dependence>())
               from place in Gen.Elements(places)
               from resident in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
               from rebutted in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
               from outlet in Gen.Elements(outlets)
               select new Encounter
               {
                   Date = date, Conduct = c, Items = [new Item(substance, q)], Age = age, Prior = prior, Dependence = dependence,
                   Place = place, Resident = resident, Rebutted = rebutted, Outlet = outlet,
               };
    }

    private static Quantity Nudge(Quantity q, int millionths) => new(Math.Max(0, q.Value + millionths / 1_000_000m), q.Unit);

    /// <summary>A reproducible random table drawn like the property's encounters.</summary>
    internal static EncounterTable Random(Policy policy, int rows, int seed)
    {
        var sample = FsCheck.FSharp.Gen.Sample(new Rnd((ulong)seed), 10, rows, EncounterFor(policy));
        var table = new EncounterTable(rows);
        foreach (var e in sample) table.Add(e);
        return table;
    }
}
