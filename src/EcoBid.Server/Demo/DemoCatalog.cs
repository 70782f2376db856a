namespace EcoBid.Server.Demo;

/// <summary>What people give away in each category, and the words they describe it with: the stuff of demo listings.</summary>
public static class DemoCatalog
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Things { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["furniture"] = ["chair", "dining table", "bookshelf", "sofa", "wardrobe", "desk", "coffee table", "bed frame", "chest of drawers", "armchair", "stool", "cabinet"],
        ["electronics"] = ["laptop", "monitor", "phone charger", "headphones", "speaker", "keyboard", "printer", "router", "tablet", "radio", "camera", "television"],
        ["clothing"] = ["winter coat", "jeans", "jacket", "dress", "sweater", "boots", "sneakers", "scarf", "raincoat", "shirt", "hoodie", "gloves"],
        ["books"] = ["cookbook", "novel", "picture book", "atlas", "textbook", "comic books", "dictionary", "travel guide", "poetry collection", "encyclopedia"],
        ["toys"] = ["wooden train", "jigsaw puzzle", "lego set", "doll house", "teddy bear", "board game", "toy cars", "kite", "building blocks", "rocking horse"],
        ["kitchen"] = ["frying pan", "kettle", "toaster", "blender", "cutlery set", "saucepan", "coffee maker", "mixing bowls", "dinner plates", "wine glasses"],
        ["garden"] = ["garden hose", "lawn mower", "flower pots", "rake", "watering can", "garden chairs", "hedge trimmer", "compost bin", "wheelbarrow", "bird feeder"],
        ["sports"] = ["bike", "tennis racket", "yoga mat", "skis", "football", "dumbbells", "helmet", "skateboard", "ice skates", "running shoes"],
        ["tools"] = ["cordless drill", "hammer", "toolbox", "ladder", "saw", "screwdriver set", "spirit level", "workbench", "sander", "wrench set"],
        ["baby"] = ["stroller", "baby cot", "high chair", "car seat", "baby bath", "baby clothes", "playpen", "changing table", "baby monitor", "sling"],
        ["home"] = ["desk lamp", "curtains", "rug", "mirror", "picture frame", "vase", "cushions", "wall clock", "blanket", "bedding set"],
        ["other"] = ["suitcase", "umbrella", "house plant", "bird cage", "sewing machine", "aquarium", "guitar", "piano keyboard", "fabric remnants", "picnic basket"],
    };

    public static IReadOnlyList<string> Qualities { get; } =
    [
        "vintage", "small", "large", "kids", "antique", "modern", "retro", "handmade", "foldable", "compact", "sturdy",
        "oak", "pine", "walnut", "bamboo", "leather", "wool", "cotton", "steel", "glass", "ceramic", "wooden",
    ];

    public static IReadOnlyList<string> Conditions { get; } =
    [
        "Like new.", "Barely used.", "Good condition.", "Well used but works fine.", "A few scratches, nothing serious.",
        "Needs a small repair.", "Some wear, still plenty of life in it.", "Cleaned and ready to go.",
    ];

    public static IReadOnlyList<string> Reasons { get; } =
    [
        "Moving house and can't take it.", "The kids outgrew it.", "Upgraded to a new one.", "No space left for it.",
        "Clearing out the attic.", "A duplicate present.", "We never use it.",
    ];

    public static IReadOnlyList<string> Pickups { get; } =
    [
        "Pick up in the evening after 6 pm.", "Collect at the weekend.", "Can bring it to the tram stop nearby.",
        "Ring the bell at the back door.", "Available on weekday mornings.", "Bring a friend, it is heavy.",
    ];
}
