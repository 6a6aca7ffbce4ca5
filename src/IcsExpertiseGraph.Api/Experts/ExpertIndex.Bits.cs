using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed partial class ExpertIndex
{
    /// <summary>
    /// The people of a snapshot as bit columns: who holds each skill, who is live and seen by whom, who is available or open
    /// to other organisations, and whose skills are in each quality domain. Kept beside the flat facts and changed with
    /// them, a few chunks at a time.
    /// </summary>
    private sealed class PeopleBits
    {
        private static readonly int DomainCount = Enum.GetValues<QualityDomain>().Length;

        private PeopleBits(BitColumn[] skills, BitColumn[] strong, BitColumn[] domains, BitColumn live, BitColumn visiblePublic, BitColumn visibleNetwork,
            BitColumn available, BitColumn open)
        {
            (Skills, Strong, Domains, Live, Public, Network, Available, Open) = (skills, strong, domains, live, visiblePublic, visibleNetwork, available, open);
        }

        /// <summary>Holders of each skill, by skill position.</summary>
        public BitColumn[] Skills { get; }

        /// <summary>Strong holders of each skill (<see cref="ExpertRanker.StrongHoldingByte"/>), by skill position.</summary>
        public BitColumn[] Strong { get; }

        /// <summary>People holding a skill of each quality domain, by the domain's value.</summary>
        public BitColumn[] Domains { get; }

        public BitColumn Live { get; }

        public BitColumn Public { get; }

        public BitColumn Network { get; }

        public BitColumn Available { get; }

        public BitColumn Open { get; }

        /// <param name="hot">Everyone's flat facts, by position.</param>
        /// <param name="holdingSkill">The skills each person holds, by position.</param>
        /// <param name="strongSkill">The skills each person holds strongly, by position.</param>
        /// <param name="skillCount">How many skills the taxonomy has.</param>
        public static PeopleBits Build(IReadOnlyList<PersonHot> hot, IReadOnlyList<int[]> holdingSkill, IReadOnlyList<int[]> strongSkill, int skillCount)
        {
            var holders = Enumerable.Range(0, skillCount).Select(_ => new List<int>()).ToArray();
            var strong = Enumerable.Range(0, skillCount).Select(_ => new List<int>()).ToArray();
            for (var position = 0; position < holdingSkill.Count; position++)
            {
                if (IsLive(hot[position]))
                {
                    foreach (var skill in holdingSkill[position])
                    {
                        holders[skill].Add(position);
                    }

                    foreach (var skill in strongSkill[position])
                    {
                        strong[skill].Add(position);
                    }
                }
            }

            BitColumn Where(Func<PersonHot, bool> test) => BitColumn.Of(Enumerable.Range(0, hot.Count).Where(p => IsLive(hot[p]) && test(hot[p])));
            return new PeopleBits(
                [.. holders.Select(BitColumn.Of)],
                [.. strong.Select(BitColumn.Of)],
                [.. Enumerable.Range(0, DomainCount).Select(d => Where(h => InDomain(h, d)))],
                Where(_ => true), Where(h => VisibilityOf(h) == Visibility.Public), Where(h => VisibilityOf(h) == Visibility.Network),
                Where(h => (h.Flags & NotAvailableFlag) == 0), Where(h => (h.Flags & OpenFlag) != 0));
        }

        /// <summary>These columns with the changed people as they are now (a removed person is in none).</summary>
        public PeopleBits With(IReadOnlyList<(int Position, int[] SkillsBefore, PersonHot Now, int[] SkillsNow, int[] StrongNow)> changes)
        {
            var skills = (BitColumn[])Skills.Clone();
            var strong = (BitColumn[])Strong.Clone();
            var bySkill = new Dictionary<int, List<(int, bool)>>();
            var byStrongSkill = new Dictionary<int, List<(int, bool)>>();
            foreach (var (position, before, now, held, strongNow) in changes)
            {
                var live = IsLive(now);
                // A skill held before or now is set or cleared in both columns: a holding can weaken or strengthen.
                foreach (var skill in before.Union(held))
                {
                    (bySkill.TryGetValue(skill, out var list) ? list : bySkill[skill] = []).Add((position, live && held.Contains(skill)));
                    (byStrongSkill.TryGetValue(skill, out var strongList) ? strongList : byStrongSkill[skill] = []).Add((position, live && strongNow.Contains(skill)));
                }
            }

            foreach (var (skill, list) in bySkill)
            {
                skills[skill] = skills[skill].With(list);
            }

            foreach (var (skill, list) in byStrongSkill)
            {
                strong[skill] = strong[skill].With(list);
            }

            BitColumn Changed(BitColumn column, Func<PersonHot, bool> test) =>
                column.With([.. changes.Select(c => (c.Position, IsLive(c.Now) && test(c.Now)))]);
            return new PeopleBits(skills, strong, [.. Domains.Select((column, d) => Changed(column, h => InDomain(h, d)))],
                Changed(Live, _ => true), Changed(Public, h => VisibilityOf(h) == Visibility.Public), Changed(Network, h => VisibilityOf(h) == Visibility.Network),
                Changed(Available, h => (h.Flags & NotAvailableFlag) == 0), Changed(Open, h => (h.Flags & OpenFlag) != 0));
        }

        private readonly Lazy<ulong[]>[] counted = new Lazy<ulong[]>[3];

        /// <summary>
        /// The people who count in the text statistics of this viewer's scores (those they may see, themself aside), a bit
        /// each in one plain array: read for every posting a search walks, where a person's facts would cost a cache miss.
        /// Worked out once a snapshot for each kind of viewer.
        /// </summary>
        public ulong[] CountedFor(Viewer viewer, int words)
        {
            var kind = viewer.IsAdmin ? 2 : viewer.IsMember ? 1 : 0;
            var lazy = counted[kind];
            if (lazy is null)
            {
                lazy = new Lazy<ulong[]>(() =>
                {
                    var bits = new ulong[words];
                    if (kind == 2)
                    {
                        bits.AsSpan().Fill(ulong.MaxValue);
                        Live.AndInto(bits);
                    }
                    else
                    {
                        Public.OrInto(bits);
                        if (kind == 1)
                        {
                            Network.OrInto(bits);
                        }
                    }

                    return bits;
                });
                lazy = Interlocked.CompareExchange(ref counted[kind], lazy, null) ?? lazy;
            }

            return lazy.Value;
        }

        /// <summary>
        /// target &amp;= the people this viewer may see: public profiles; network ones for members; everyone for admins; and
        /// the viewer themself, whose own profile may be private (<paramref name="self"/>, or -1).
        /// </summary>
        public void KeepVisible(Span<ulong> target, Viewer viewer, int self)
        {
            if (viewer.IsAdmin)
            {
                Live.AndInto(target);
                return;
            }

            var selfWord = self >= 0 && self >> 6 < target.Length ? target[self >> 6] & (1UL << self) : 0;
            if (viewer.IsMember)
            {
                VisibleToMembers(target);
            }
            else
            {
                Public.AndInto(target);
            }

            if (selfWord != 0 && Live.Has(self))
            {
                target[self >> 6] |= selfWord;
            }
        }

        private void VisibleToMembers(Span<ulong> target)
        {
            for (var w = 0; w < target.Length; w++)
            {
                target[w] &= Public.Word(w) | Network.Word(w);
            }
        }

        private static bool IsLive(PersonHot hot) => (hot.Flags & RemovedFlag) == 0;

        private static Visibility VisibilityOf(PersonHot hot) => (Visibility)(hot.Flags & VisibilityMask);

        private static bool InDomain(PersonHot hot, int domain) => (hot.Domains & (1 << domain)) != 0;
    }
}
