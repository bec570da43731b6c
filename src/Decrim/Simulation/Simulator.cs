using System.Numerics;
using System.Runtime.CompilerServices;
using Decrim.Batch;
using Decrim.Evaluation;
using Decrim.Policies;

namespace Decrim.Simulation;

/// <summary>
/// The microsimulation. Each person of each replication is simulated on their own: their attributes are drawn,
/// then their potential police contacts as a Poisson process over the horizon (exponential gaps, thinned where
/// the rate changes as they turn 18; no day-by-day loop). Each contact is put to the compiled policy on its
/// date, with the person's prior incidents so far; police instructions may drop the contact or the search; if
/// drugs are found, the consequences are realised on their legal dates: payment or non-payment of a fine and
/// each escalation step, appearances and what a body imposes in absence, charges and convictions, detention and
/// prison (during which the person has no contacts). The same people and contacts are run through every policy,
/// with the same draws for each contact (see <see cref="Rng"/>), so differences between policies are paired.
/// Counts are whole numbers added in any order, so the results are the same for any number of threads.
/// </summary>
public static class Simulator
{
    private const int Chunk = 4096;

    /// <param name="policies">The baseline first, then the alternatives.</param>
    /// <param name="threads">At most this many threads (0: one per processor).</param>
    /// <param name="progress">Told the share of work done, from 0 to 1.</param>
    public static SimulationResult Run(SimulationScenario scenario, IReadOnlyList<SimulatedPolicy> policies, int threads = 0,
        IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        if (policies.Count == 0) throw new ArgumentException("Give at least the baseline policy.", nameof(policies));
        var ids = policies.SelectMany(p => p.Policy.Versions).SelectMany(v => v.Police).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = scenario.Enforcement.Compliance.Keys.Where(k => !Policies.Words.Instructions.ContainsKey(k) && !ids.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new SimulationException($"enforcement.compliance names {string.Join(", ", unknown)}, which is neither an instruction (do-not-stop, deprioritise, do-not-search) nor the id of one in the policies simulated.");
        var plans = policies.Select(p => PolicyPlan.Build(p, scenario)).ToArray();
        var layout = new Layout(scenario);
        var reps = scenario.Replications;
        var sizes = new Sizes(plans.Length, layout.Periods.Count, layout.Groups.Count);
        var series = new long[reps][];
        var groups = new long[reps][];
        var groupSizes = new long[reps][];
        for (var r = 0; r < reps; r++)
        {
            series[r] = new long[sizes.Series];
            groups[r] = new long[sizes.GroupTotals];
            groupSizes[r] = new long[sizes.Groups];
        }
        var chunks = (scenario.Population.Size + Chunk - 1) / Chunk;
        var units = (long)reps * chunks;
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount,
            CancellationToken = cancel,
        };
        Parallel.For(0L, units, options, () => new Worker(scenario, plans, layout, sizes), (unit, _, worker) =>
        {
            var rep = (int)(unit / chunks);
            var first = (int)(unit % chunks) * Chunk;
            var last = Math.Min(first + Chunk, scenario.Population.Size);
            for (var person = first; person < last; person++) worker.Person(rep, person);
            worker.FlushInto(series[rep], groups[rep], groupSizes[rep]);
            var n = Interlocked.Increment(ref done);
            if (progress is not null && (n % 16 == 0 || n == units)) progress.Report((double)n / units);
            return worker;
        }, _ => { });
        return new SimulationResult(scenario, policies, layout.Periods, layout.Groups, series, groups, groupSizes);
    }

    internal readonly record struct Sizes(int Policies, int Periods, int Groups)
    {
        public int Series => Policies * Periods * Metrics.Count;
        public int GroupTotals => Policies * Groups * Metrics.Count;
    }

    /// <summary>One thread's state: scratch counts for the people it has simulated since the last flush.</summary>
    private sealed class Worker
    {
        private static readonly int M = Metrics.Count;
        private readonly SimulationScenario _scenario;
        private readonly PolicyPlan[] _plans;
        private readonly Layout _layout;
        private readonly Sizes _sizes;
        private readonly long[] _series;
        private readonly long[] _groups;
        private readonly long[] _groupSizes;
        private readonly long[] _person;
        private readonly ulong[] _personTouched;
        private readonly double[] _cumulativeSubstance;
        private readonly double[] _cumulativeAge;
        private readonly int[] _substanceIndex;
        private readonly int[] _unitSlot;
        private readonly double[] _medianAmount;
        private readonly uint[] _flags;
        private readonly List<(int Offset, int Age)> _contacts = [];
        /// <summary>Per day of the horizon: the enforcement trend's multiplier, divided by its highest value.</summary>
        private readonly double[] _trend;
        private readonly double _trendMax;
        private readonly List<(int From, int To)> _custody = [];

        // The person being simulated, and the policy being applied to them.
        private int _policy;
        private double _income;
        private bool _everImprisoned, _everCoerced, _everRecord;
        private ulong _fined, _imprisoned, _coerced;

        public Worker(SimulationScenario scenario, PolicyPlan[] plans, Layout layout, Sizes sizes)
        {
            _scenario = scenario;
            _plans = plans;
            _layout = layout;
            _sizes = sizes;
            _series = new long[sizes.Series];
            _groups = new long[sizes.GroupTotals];
            _groupSizes = new long[sizes.Groups];
            _person = new long[plans.Length * M];
            _personTouched = new ulong[plans.Length];
            var pop = scenario.Population;
            _cumulativeSubstance = Cumulative(pop.Substances.Select(s => s.Share));
            _cumulativeAge = Cumulative(pop.Ages.Select(a => a.Share));
            _substanceIndex = [.. pop.Substances.Select(s => Substances.SubstanceVocabulary.Shared.IndexOf(s.Substance.Id))];
            _unitSlot = [.. pop.Substances.Select(s => EncounterTable.UnitSlot(s.Amount.Median.Unit))];
            _medianAmount = [.. pop.Substances.Select(s => (double)s.Amount.Median.Value * EncounterFlags.AmountScale)];
            _trend = new double[layout.EndDay - layout.StartDay];
            for (var d = 0; d < _trend.Length; d++) _trend[d] = scenario.Enforcement.TrendOn(DateOnly.FromDayNumber(layout.StartDay + d));
            _trendMax = Math.Max(1e-12, _trend.DefaultIfEmpty(1).Max());
            for (var d = 0; d < _trend.Length; d++) _trend[d] /= _trendMax;
            _flags = [.. new[] { Dependence.Unknown, Dependence.Dependent, Dependence.NotDependent }
                .Select(d => EncounterFlags.Pack(Conduct.Possession, d, Place.Public, resident: true, rebutted: false, outlet: null))];
        }

        private static double[] Cumulative(IEnumerable<double> shares)
        {
            var list = shares.ToList();
            var sum = 0.0;
            var result = new double[list.Count];
            for (var i = 0; i < list.Count; i++) result[i] = sum += list[i];
            result[^1] = double.MaxValue;
            return result;
        }

        private static int Pick(double[] cumulative, double u)
        {
            var i = 0;
            while (u >= cumulative[i]) i++;
            return i;
        }

        public void Person(int rep, int person)
        {
            var pop = _scenario.Population;
            var enf = _scenario.Enforcement;
            var rng = Rng.ForPerson(_scenario.Seed, rep, person);
            // Attributes, always drawn in this order.
            var s = Pick(_cumulativeSubstance, rng.Uniform());
            var substance = pop.Substances[s];
            var dependent = rng.Uniform() < substance.Dependent;
            var band = Pick(_cumulativeAge, rng.Uniform());
            var ages = pop.Ages[band];
            var age0 = ages.Min + (int)(rng.Uniform() * (ages.Max - ages.Min + 1));
            var visible = rng.Uniform() < (dependent ? pop.VisibleIfDependent : pop.VisibleOtherwise);
            var median = (double)pop.Income.Median;
            _income = median * Math.Exp(pop.Income.Spread * rng.Normal())
                * (dependent ? pop.Income.DependentFactor : 1) * (visible ? pop.Income.VisibleFactor : 1);
            Span<int> groups = [s, _layout.DependenceGroup + (dependent ? 0 : 1), _layout.VisibilityGroup + (visible ? 0 : 1),
                _layout.AgeGroup + band, _layout.IncomeGroup + Layout.IncomeGroupOf(_income, median)];
            foreach (var g in groups) _groupSizes[g]++;

            // Potential contacts: a Poisson process at the highest rate the person will have, thinned to the rate at
            // each contact (which changes as they turn 18 and with the enforcement trend).
            var rate = enf.BaseRate * (dependent ? enf.DependentMultiplier : 1) * (visible ? enf.VisibleMultiplier : 1);
            var young = enf.YoungMultiplier;
            var maxYoung = Math.Max(1, young);
            var maxRate = rate * maxYoung * _trendMax / 365.25;
            if (maxRate <= 0) return;
            _contacts.Clear();
            var horizon = _layout.EndDay - _layout.StartDay;
            for (var t = rng.Exponential() / maxRate; t < horizon; t += rng.Exponential() / maxRate)
            {
                var age = age0 + (int)(t / 365.25);
                var accept = (age < 18 ? young : 1) / maxYoung * _trend[(int)t];
                if (accept >= 1 || rng.Uniform() < accept) _contacts.Add(((int)t, age));
            }
            if (_contacts.Count == 0) return;

            for (_policy = 0; _policy < _plans.Length; _policy++) Contacts(rng, s, dependent);
            for (var p = 0; p < _plans.Length; p++)
            {
                var touched = _personTouched[p];
                if (touched == 0) continue;
                for (var bits = touched; bits != 0; bits &= bits - 1)
                {
                    var m = BitOperations.TrailingZeroCount(bits);
                    var value = _person[p * M + m];
                    foreach (var g in groups) _groups[(p * _sizes.Groups + g) * M + m] += value;
                    _person[p * M + m] = 0;
                }
                _personTouched[p] = 0;
            }
        }

        /// <summary>The person's contacts under policy <see cref="_policy"/>.</summary>
        private void Contacts(Rng person, int s, bool dependent)
        {
            var plan = _plans[_policy];
            var enf = _scenario.Enforcement;
            var substance = _scenario.Population.Substances[s];
            _custody.Clear();
            _everImprisoned = _everCoerced = _everRecord = false;
            _fined = _imprisoned = _coerced = 0;
            var prior = 0;
            for (var k = 0; k < _contacts.Count; k++)
            {
                var (offset, age) = _contacts[k];
                var day = _layout.StartDay + offset;
                if (InCustody(day)) continue;
                // The same draws, in the same order, for this contact under every policy.
                var e = person.Derive((ulong)k);
                double uStop = e.Uniform(), uSearch = e.Uniform(), uSearchComply = e.Uniform(),
                    uFound = e.Uniform(), uKnown = e.Uniform(), zAmount = e.Normal();
                var period = _layout.PeriodOfDay[offset];
                Add(period, Metric.PotentialContacts);
                var amount = (long)Math.Max(1, _medianAmount[s] * Math.Exp(substance.Amount.Spread * zAmount));
                var dependence = uKnown < enf.DependenceKnown ? (dependent ? 1 : 2) : 0;
                var code = plan.Compiled.Evaluate(day, _substanceIndex[s], amount, _unitSlot[s], Math.Min(age, 254), Math.Min(prior, ushort.MaxValue), _flags[dependence]);
                if (code.IsError)
                {
                    Add(period, Metric.Encounters);
                    Add(period, Metric.Unanswerable);
                    continue;
                }
                var (stop, noSearch) = plan.Police[code.Rule];
                if (uStop < Strongest(code.Police, stop))
                {
                    Add(period, Metric.ContactsAvoided);
                    continue;
                }
                Add(period, Metric.Encounters);
                var searched = uSearch < enf.Search;
                if (searched && uSearchComply < Strongest(code.Police, noSearch))
                {
                    searched = false;
                    Add(period, Metric.SearchesAvoided);
                }
                if (searched) Add(period, Metric.Searches);
                if (!searched && uFound >= enf.FoundWithoutSearch) continue;
                Add(period, Metric.Detections);
                Realise(plan.Rules[code.Rule], day, afterFine: false, ref e);
                prior++;
            }
        }

        /// <summary>The highest compliance among the instructions that apply (bits set in <paramref name="police"/>).</summary>
        private static double Strongest(uint police, double[] compliance)
        {
            var p = 0.0;
            for (var bits = police; bits != 0; bits &= bits - 1)
            {
                var b = BitOperations.TrailingZeroCount(bits);
                if (b < compliance.Length && compliance[b] > p) p = compliance[b];
            }
            return p;
        }

        /// <summary>Realises one decision's consequences on <paramref name="day"/>; true when they end the matter (a charge, detention or prison).</summary>
        private bool Realise(ResponsePlan[] responses, int day, bool afterFine, ref Rng e)
        {
            var behaviour = _scenario.Behaviour;
            bool ended = false, acquitted = false, recorded = false, referral = false;
            foreach (var r in responses)
                if (r.Kind == ResponseKind.VoluntaryReferral) referral = true;
            var referralTaken = referral && e.Uniform() < behaviour.TakeReferral;
            var period = _layout.PeriodOfDay[day - _layout.StartDay];
            foreach (var r in responses)
            {
                if (acquitted && r.Criminal) continue;
                if (r.Discretionary && e.Uniform() >= behaviour.DiscretionFor(r.Kind)) continue;
                switch (r.Kind)
                {
                    case ResponseKind.NoAction: Add(period, Metric.NoAction); break;
                    case ResponseKind.Warning: Add(period, Metric.Warnings); break;
                    case ResponseKind.Confiscation: Add(period, Metric.Confiscations); break;
                    case ResponseKind.CommunityService: Add(period, Metric.CommunityService); break;
                    case ResponseKind.Restriction: Add(period, Metric.Restrictions); break;
                    case ResponseKind.DrugTesting: Add(period, Metric.DrugTests); break;
                    case ResponseKind.RegistryEntry: Add(period, Metric.RegistryEntries); break;
                    case ResponseKind.LicenceRevocation: Add(period, Metric.LicencesRevoked); break;
                    case ResponseKind.VoluntaryReferral:
                        Add(period, Metric.ReferralsOffered);
                        if (referralTaken) Add(period, Metric.ReferralsTaken);
                        break;
                    case ResponseKind.MandatoryAppearance:
                        Add(period, Metric.Appearances);
                        if (e.Uniform() >= behaviour.Attend)
                        {
                            Add(period, Metric.AppearancesMissed);
                            ended |= Realise(r.InAbsence, day, afterFine, ref e);
                        }
                        break;
                    case ResponseKind.Fine:
                        // Within an escalation step a fine is the same debt pursued further (a reminder fee, enforcement), not a new fine.
                        if (!afterFine) Fine(r, day, referralTaken && behaviour.ReferralWaivesFine, ref e);
                        break;
                    case ResponseKind.CriminalCharge:
                        ended = true;
                        Add(period, Metric.Charges);
                        if (afterFine) Add(period, Metric.ChargesAfterFine);
                        if (e.Uniform() < behaviour.Convicted)
                        {
                            Add(period, Metric.Convictions);
                            if (afterFine) Add(period, Metric.ConvictionsAfterFine);
                            if (!recorded) Record(period);
                            recorded = true;
                        }
                        else acquitted = true;
                        break;
                    case ResponseKind.CriminalRecord:
                        if (!recorded) Record(period);
                        recorded = true;
                        break;
                    case ResponseKind.CompulsoryTreatment:
                        Add(period, Metric.TreatmentOrders);
                        if (e.Uniform() < behaviour.CompleteTreatment) Add(period, Metric.TreatmentCompleted);
                        Coerce(day, day + Math.Max(1, Days(r, ref e)));
                        break;
                    case ResponseKind.CompulsoryDetention:
                    {
                        ended = true;
                        Add(period, Metric.Detentions);
                        var end = day + Math.Max(1, Days(r, ref e));
                        _custody.Add((day, end));
                        Coerce(day, end);
                        Spread(day, end, Metric.DetentionDays);
                        break;
                    }
                    case ResponseKind.Imprisonment:
                    {
                        ended = true;
                        Add(period, Metric.Imprisonments);
                        if (afterFine) Add(period, Metric.ImprisonmentsAfterFine);
                        var end = day + Math.Max(1, Days(r, ref e));
                        _custody.Add((day, end));
                        Spread(day, end, Metric.PrisonDays);
                        if (afterFine) Spread(day, end, Metric.PrisonDaysAfterFine);
                        ForEachPeriod(day, end, p => Once(ref _imprisoned, p, Metric.PeopleImprisoned));
                        if (!_everImprisoned) Add(period, Metric.PeopleFirstImprisoned);
                        _everImprisoned = true;
                        break;
                    }
                }
            }
            return ended;
        }

        private void Fine(ResponsePlan r, int day, bool waived, ref Rng e)
        {
            var period = _layout.PeriodOfDay[day - _layout.StartDay];
            var amount = r.Min + (r.Max - r.Min) * e.Uniform();
            Add(period, Metric.FinesIssued);
            Add(period, Metric.FineAmountIssued, Cents(amount));
            Once(ref _fined, period, Metric.PeopleFined);
            if (waived) { Add(period, Metric.FinesWaived); return; }
            var pay = _scenario.Behaviour.Pay;
            if (e.Uniform() < pay.Probability(amount, _income))
            {
                Add(period, Metric.FinesPaid);
                Add(period, Metric.FineAmountPaid, Cents(amount));
                return;
            }
            if (r.Steps.Length == 0) { Add(period, Metric.FinesUnpaid); return; }
            var issued = DateOnly.FromDayNumber(day);
            var due = r.PayWithin is { } within ? within.DateAfter(issued, r.Steps[0].Rounding) : issued;
            var escalated = false;
            var stepPeriod = period;
            foreach (var step in r.Steps)
            {
                var date = step.After.DateAfter(step.FromDue ? due : issued, step.Rounding).DayNumber;
                if (date >= _layout.EndDay) return; // the rest of the fine's story falls after the horizon
                stepPeriod = _layout.PeriodOfDay[date - _layout.StartDay];
                if (!escalated) Add(stepPeriod, Metric.FinesEscalated);
                escalated = true;
                amount *= step.Multiply;
                if (step.Then.Length > 0 && Realise(step.Then, date, afterFine: true, ref e))
                {
                    Add(stepPeriod, Metric.FinesUnpaid);
                    return;
                }
                if (e.Uniform() < pay.Probability(amount, _income))
                {
                    Add(stepPeriod, Metric.FinesPaidLate);
                    Add(stepPeriod, Metric.FineAmountPaid, Cents(amount));
                    return;
                }
            }
            Add(stepPeriod, Metric.FinesUnpaid);
        }

        private static long Cents(double amount) => (long)Math.Round(amount * 100);

        /// <summary>A duration in whole days, uniform within the plan's range.</summary>
        private static int Days(ResponsePlan r, ref Rng e) => (int)Math.Round(r.Min + (r.Max - r.Min) * e.Uniform());

        private void Record(int period)
        {
            Add(period, Metric.CriminalRecords);
            if (!_everRecord) Add(period, Metric.PeopleFirstRecord);
            _everRecord = true;
        }

        private void Coerce(int from, int to)
        {
            ForEachPeriod(from, to, p => Once(ref _coerced, p, Metric.PeopleCoerced));
            if (!_everCoerced) Add(_layout.PeriodOfDay[from - _layout.StartDay], Metric.PeopleFirstCoerced);
            _everCoerced = true;
        }

        /// <summary>Adds the days of [from, to) that fall in the horizon to each period they fall in.</summary>
        private void Spread(int from, int to, Metric metric)
        {
            to = Math.Min(to, _layout.EndDay);
            var periods = _layout.Periods;
            for (var p = _layout.PeriodOfDay[from - _layout.StartDay]; p < periods.Count && from < to; p++)
            {
                var end = Math.Min(to, periods[p].To.DayNumber);
                Add(p, metric, end - from);
                from = end;
            }
        }

        private void ForEachPeriod(int from, int to, Action<int> action)
        {
            to = Math.Min(to, _layout.EndDay);
            var periods = _layout.Periods;
            for (var p = _layout.PeriodOfDay[from - _layout.StartDay]; p < periods.Count && periods[p].From.DayNumber < to; p++) action(p);
        }

        /// <summary>Counts the person once per period in a "people …" metric.</summary>
        private void Once(ref ulong seen, int period, Metric metric)
        {
            var bit = 1UL << period;
            if ((seen & bit) != 0) return;
            seen |= bit;
            Add(period, metric);
        }

        private bool InCustody(int day)
        {
            foreach (var (from, to) in _custody)
                if (day >= from && day < to) return true;
            return false;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Add(int period, Metric metric, long value = 1)
        {
            var m = (int)metric;
            _series[(_policy * _sizes.Periods + period) * M + m] += value;
            _person[_policy * M + m] += value;
            _personTouched[_policy] |= 1UL << m;
        }

        /// <summary>Adds this worker's counts into a replication's totals and clears them; whole numbers, so the order of flushes does not matter.</summary>
        public void FlushInto(long[] series, long[] groups, long[] groupSizes)
        {
            AddAndClear(_series, series);
            AddAndClear(_groups, groups);
            AddAndClear(_groupSizes, groupSizes);
        }

        private static void AddAndClear(long[] from, long[] into)
        {
            for (var i = 0; i < from.Length; i++)
            {
                if (from[i] == 0) continue;
                Interlocked.Add(ref into[i], from[i]);
                from[i] = 0;
            }
        }
    }
}
