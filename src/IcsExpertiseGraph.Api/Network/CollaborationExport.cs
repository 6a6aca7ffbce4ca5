using System.Text.Json;
using System.Xml;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Network;

/// <summary>
/// The collaboration graph of one ICS (or everyone) for network analysts: GraphML (Gephi, Cytoscape desktop)
/// or Cytoscape.js JSON. Only people the viewer may see are written, and only links between them.
/// </summary>
public static class CollaborationExport
{
    public static async Task WriteAsync(Stream output, ExportFormat format, CollaborationGraph graph, IExpertiseStore store, Guid? icsId, Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(store);
        var candidates = graph.PeopleIn(icsId).Where(p => graph.Visible(p, viewer)).ToList();
        // The store has the last word on visibility: someone who went private since the graph was built is left out.
        var people = await store.GetPeopleAsync([.. candidates.Select(graph.PersonId)], viewer, cancellationToken);
        var members = candidates.Where(p => people.ContainsKey(graph.PersonId(p))).ToList();
        var inside = members.ToHashSet();
        var organisations = await store.GetOrganisationsAsync([.. members.Select(graph.OrganisationId).OfType<Guid>().Distinct()], cancellationToken);
        var nodes = members.Select(p => (
            Id: graph.PersonId(p).ToString("D"),
            Name: people.TryGetValue(graph.PersonId(p), out var person) ? person.DisplayName : "",
            Organisation: graph.OrganisationId(p) is { } o && organisations.TryGetValue(o, out var organisation) ? organisation.Name : "",
            Ics: graph.SystemOf(p)?.ToString("D") ?? "")).ToList();
        var edges = new List<(string Source, string Target, int Weight, string[] Projects)>();
        foreach (var p in members)
        {
            var around = graph.Neighbours(p);
            var links = graph.LinksOf(p);
            for (var i = 0; i < around.Length; i++)
            {
                if (p < around[i] && inside.Contains(around[i]))
                {
                    edges.Add((graph.PersonId(p).ToString("D"), graph.PersonId(around[i]).ToString("D"), graph.Weight(links[i]),
                        [.. graph.ProjectsOf(links[i]).Select(id => id.ToString("D"))]));
                }
            }
        }

        if (format == ExportFormat.Json)
        {
            await JsonSerializer.SerializeAsync(output, new
            {
                elements = new
                {
                    nodes = nodes.Select(n => new { data = new { id = n.Id, name = n.Name, organisation = n.Organisation, ics = n.Ics } }),
                    edges = edges.Select(e => new { data = new { source = e.Source, target = e.Target, weight = e.Weight, projects = e.Projects } }),
                },
            }, cancellationToken: cancellationToken);
            return;
        }

        // XmlWriter writes synchronously; the document is built in memory and then copied to the (asynchronous) response.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true }))
        {
            WriteGraphMl(xml, nodes, edges);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static void WriteGraphMl(XmlWriter xml, List<(string Id, string Name, string Organisation, string Ics)> nodes, List<(string Source, string Target, int Weight, string[] Projects)> edges)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        foreach (var (id, target, name, type) in new[] { ("name", "node", "name", "string"), ("organisation", "node", "organisation", "string"), ("ics", "node", "ics", "string"), ("weight", "edge", "weight", "int") })
        {
            xml.WriteStartElement("key");
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", target);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "collaboration");
        xml.WriteAttributeString("edgedefault", "undirected");
        foreach (var node in nodes)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", node.Id);
            Data(xml, "name", node.Name);
            Data(xml, "organisation", node.Organisation);
            Data(xml, "ics", node.Ics);
            xml.WriteEndElement();
        }

        foreach (var edge in edges)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            Data(xml, "weight", edge.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data");
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
