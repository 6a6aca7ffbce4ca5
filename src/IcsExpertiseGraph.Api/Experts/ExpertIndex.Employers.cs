using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

public sealed partial class ExpertIndex
{
    /// <summary>
    /// Who works (with a current employment) in each ICS and for each type of organisation, as bit columns: a facet over
    /// many matches is then a popcount of the matches AND each column, where counting person by person would visit every
    /// match. Changed with the snapshot for the people a change names, and for everyone working for an organisation whose
    /// ICS or type changed.
    /// </summary>
    private sealed class EmployerBits
    {
        private static readonly int TypeCount = Enum.GetValues<OrganisationType>().Length;

        private EmployerBits(Dictionary<Guid, BitColumn> systems, BitColumn[] types) => (Systems, Types) = (systems, types);

        /// <summary>By ICS id: the people with a current employer in it (only live people have employers in the index).</summary>
        public IReadOnlyDictionary<Guid, BitColumn> Systems { get; }

        /// <summary>By organisation type's value: the live people with a current employer of that type.</summary>
        public BitColumn[] Types { get; }

        /// <summary>How many columns a facet count by columns reads.</summary>
        public int ColumnCount => Systems.Count + Types.Length;

        public static EmployerBits Build(ChunkedArray<PersonEntry> entries, Organisation[] organisations)
        {
            var systems = new Dictionary<Guid, List<int>>();
            var types = Enumerable.Range(0, TypeCount).Select(_ => new List<int>()).ToArray();
            for (var position = 0; position < entries.Length; position++)
            {
                // Two employers in one ICS list a person twice: a column sets their bit once.
                foreach (var organisation in entries[position].EmployerPosition)
                {
                    if (organisations[organisation].IntegratedCareSystemId is { } system)
                    {
                        (systems.TryGetValue(system, out var list) ? list : systems[system] = []).Add(position);
                    }

                    types[(int)organisations[organisation].Type].Add(position);
                }
            }

            return new EmployerBits(systems.ToDictionary(s => s.Key, s => BitColumn.Of(s.Value)), [.. types.Select(BitColumn.Of)]);
        }

        /// <summary>These columns with the people at <paramref name="positions"/> as their entries and organisations now say.</summary>
        public EmployerBits With(IEnumerable<int> positions, ChunkedArray<PersonEntry> entries, Organisation[] organisations)
        {
            var systemChanges = new Dictionary<Guid, List<(int, bool)>>();
            var typeChanges = Enumerable.Range(0, Types.Length).Select(_ => new List<(int, bool)>()).ToArray();
            foreach (var position in positions)
            {
                var (inSystems, ofTypes) = Of(entries[position], organisations);
                foreach (var system in Systems.Keys.Union(inSystems))
                {
                    var now = inSystems.Contains(system);
                    if (Systems.GetValueOrDefault(system, BitColumn.Empty).Has(position) != now)
                    {
                        (systemChanges.TryGetValue(system, out var list) ? list : systemChanges[system] = []).Add((position, now));
                    }
                }

                for (var type = 0; type < Types.Length; type++)
                {
                    var now = ofTypes.Contains(type);
                    if (Types[type].Has(position) != now)
                    {
                        typeChanges[type].Add((position, now));
                    }
                }
            }

            var systems = new Dictionary<Guid, BitColumn>(Systems);
            foreach (var (system, changes) in systemChanges)
            {
                systems[system] = systems.GetValueOrDefault(system, BitColumn.Empty).With(changes);
            }

            return new EmployerBits(systems, [.. Types.Select((column, type) => column.With(typeChanges[type]))]);
        }

        /// <summary>The ICSs and organisation types of a person's current employers (a removed person's entry keeps none).</summary>
        private static (HashSet<Guid> Systems, HashSet<int> Types) Of(PersonEntry entry, Organisation[] organisations)
        {
            var (systems, types) = (new HashSet<Guid>(), new HashSet<int>());
            foreach (var position in entry.EmployerPosition)
            {
                if (organisations[position].IntegratedCareSystemId is { } system)
                {
                    systems.Add(system);
                }

                types.Add((int)organisations[position].Type);
            }

            return (systems, types);
        }
    }
}
