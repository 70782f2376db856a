using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.Tests.Support;

/// <summary>
/// Input documents for the table tests, after the examples of the JSONata documentation. A case names one of these,
/// or gives its input inline as JSON, or says "undefined" for no input at all.
/// </summary>
public static class SampleDocuments
{
    public const string Address = """
        {
          "FirstName": "Fred",
          "Surname": "Smith",
          "Age": 28,
          "Address": { "Street": "Hursley Park", "City": "Winchester", "Postcode": "SO21 2JN" },
          "Phone": [
            { "type": "home", "number": "0203 544 1234" },
            { "type": "office", "number": "01962 001234" },
            { "type": "office", "number": "01962 001235" },
            { "type": "mobile", "number": "077 7700 1234" }
          ],
          "Email": [
            { "type": "work", "address": ["fred.smith@my-work.com", "fsmith@my-work.com"] },
            { "type": "home", "address": ["freddy@my-social.com", "frederic.smith@very-serious.com"] }
          ],
          "Other": {
            "Over 18 ?": true,
            "Misc": null,
            "Alternative.Address": { "Street": "Brick Lane", "City": "London", "Postcode": "E1 6RF" }
          }
        }
        """;

    public const string Invoice = """
        {
          "Account": {
            "Name": "Firefly",
            "Order": [
              {
                "OrderID": "order103",
                "Product": [
                  { "Name": "Bowler Hat", "ID": 858383, "Price": 34.45, "Quantity": 2 },
                  { "Name": "Trilby hat", "ID": 858236, "Price": 21.67, "Quantity": 1 }
                ]
              },
              {
                "OrderID": "order104",
                "Product": [
                  { "Name": "Bowler Hat", "ID": 858383, "Price": 34.45, "Quantity": 4 },
                  { "Name": "Cloak", "ID": 345664, "Price": 107.99, "Quantity": 1 }
                ]
              }
            ]
          }
        }
        """;

    public const string Library = """
        {
          "library": {
            "books": [
              { "title": "Structure and Interpretation", "isbn": "0262510871", "price": 38.5 },
              { "title": "The C Programming Language", "isbn": "0131103628", "price": 48.5 }
            ],
            "loans": [
              { "customer": "10001", "isbn": "0131103628" },
              { "customer": "10003", "isbn": "0262510871" },
              { "customer": "10002", "isbn": "0131103628" }
            ]
          }
        }
        """;

    public static JsonataResult Get(string document) => document switch
    {
        "address" => JsonataResult.Of(JsonNode.Parse(Address)),
        "invoice" => JsonataResult.Of(JsonNode.Parse(Invoice)),
        "library" => JsonataResult.Of(JsonNode.Parse(Library)),
        "undefined" => JsonataResult.Undefined,
        _ => JsonataResult.Of(JsonNode.Parse(document)),
    };
}
