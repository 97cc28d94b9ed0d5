//! The demo catalog's facts: categories with their schemas and thirty products named in English
//! and Chinese, with a reference price each supplier's offers are derived from.

/// An attribute kind as written here.
pub enum Kind {
    Number(&'static str),
    Options(&'static [&'static str]),
    Text,
    Boolean,
}

/// (key, English name, Chinese name, kind, required).
pub type Attr = (&'static str, &'static str, &'static str, Kind, bool);

pub struct DemoCategory {
    pub code: &'static str,
    pub parent: Option<&'static str>,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub attributes: &'static [Attr],
}

/// An attribute value as written here.
pub enum Value {
    N(&'static str),
    S(&'static str),
    B(bool),
}

pub struct DemoProduct {
    pub category: &'static str,
    pub sku: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub description_en: &'static str,
    pub description_zh: &'static str,
    pub unit: &'static str,
    pub values: &'static [(&'static str, Value)],
    /// A typical FOB China price per unit in USD; offers scatter around it.
    pub reference_usd: &'static str,
    /// A typical minimum order quantity in the unit.
    pub moq: &'static str,
}

use Kind::{Boolean, Number, Options, Text};
use Value::{B, N, S};

const THREADS: &[&str] = &["M6", "M8", "M10", "M12", "M16", "M20", "M24"];
const BOLT_MATERIALS: &[&str] = &[
    "stainless 304",
    "stainless 316",
    "carbon steel 8.8",
    "carbon steel 10.9",
];
const SIZES: &[&str] = &["DN15", "DN25", "DN50", "DN80", "DN100", "DN150", "DN200"];

#[rustfmt::skip]
pub const CATEGORIES: &[DemoCategory] = &[
    DemoCategory { code: "steel", parent: None, name_en: "Steel products", name_zh: "钢材", attributes: &[] },
    DemoCategory { code: "fasteners", parent: None, name_en: "Fasteners", name_zh: "紧固件", attributes: &[] },
    DemoCategory { code: "industrial-components", parent: None, name_en: "Industrial components", name_zh: "工业零部件", attributes: &[] },
    DemoCategory { code: "rebar", parent: Some("steel"), name_en: "Rebar", name_zh: "钢筋", attributes: &[
        ("diameter", "Diameter", "直径", Number("mm"), true),
        ("grade", "Grade", "牌号", Options(&["HRB400", "HRB400E", "HRB500", "B500B"]), true),
        ("length", "Length", "长度", Number("m"), false),
        ("seismic", "Seismic grade", "抗震", Boolean, false),
    ] },
    DemoCategory { code: "steel-plate", parent: Some("steel"), name_en: "Steel plate", name_zh: "钢板", attributes: &[
        ("thickness", "Thickness", "厚度", Number("mm"), true),
        ("grade", "Grade", "牌号", Options(&["Q235B", "Q355B", "S355J2", "304", "316L"]), true),
        ("width", "Width", "宽度", Number("mm"), false),
        ("surface", "Surface", "表面", Options(&["hot rolled", "2B", "No.1"]), false),
    ] },
    DemoCategory { code: "steel-pipe", parent: Some("steel"), name_en: "Steel pipe", name_zh: "钢管", attributes: &[
        ("outer_diameter", "Outside diameter", "外径", Number("mm"), true),
        ("wall_thickness", "Wall thickness", "壁厚", Number("mm"), true),
        ("process", "Process", "工艺", Options(&["seamless", "ERW", "LSAW"]), true),
        ("standard", "Standard", "标准", Options(&["API 5L", "ASTM A106", "EN 10210", "GB/T 8163"]), false),
        ("material", "Material", "材质", Text, false),
    ] },
    DemoCategory { code: "bolts", parent: Some("fasteners"), name_en: "Bolts", name_zh: "螺栓", attributes: &[
        ("thread", "Thread", "螺纹", Options(THREADS), true),
        ("material", "Material", "材质", Options(BOLT_MATERIALS), true),
        ("length", "Length", "长度", Number("mm"), true),
        ("finish", "Finish", "表面处理", Options(&["plain", "zinc plated", "hot-dip galvanised", "black oxide"]), false),
        ("standard", "Standard", "标准", Text, false),
    ] },
    DemoCategory { code: "valves", parent: Some("industrial-components"), name_en: "Valves", name_zh: "阀门", attributes: &[
        ("valve_type", "Type", "类型", Options(&["ball", "gate", "butterfly", "check"]), true),
        ("size", "Nominal size", "公称通径", Options(SIZES), true),
        ("pressure", "Pressure rating", "压力等级", Options(&["PN16", "PN40", "Class 150"]), true),
        ("body", "Body material", "阀体材质", Options(&["cast iron", "carbon steel WCB", "stainless CF8M"]), false),
        ("actuated", "Actuated", "带执行器", Boolean, false),
    ] },
    DemoCategory { code: "bearings", parent: Some("industrial-components"), name_en: "Bearings", name_zh: "轴承", attributes: &[
        ("bearing_type", "Type", "类型", Options(&["deep groove ball", "tapered roller", "spherical roller"]), true),
        ("designation", "Designation", "型号", Text, true),
        ("bore", "Bore", "内径", Number("mm"), true),
        ("outer_diameter", "Outside diameter", "外径", Number("mm"), false),
        ("sealed", "Sealed", "密封", Boolean, false),
    ] },
];

const fn p(
    category: &'static str,
    sku: &'static str,
    names: (&'static str, &'static str),
    descriptions: (&'static str, &'static str),
    unit: &'static str,
    values: &'static [(&'static str, Value)],
    (reference_usd, moq): (&'static str, &'static str),
) -> DemoProduct {
    DemoProduct {
        category,
        sku,
        name_en: names.0,
        name_zh: names.1,
        description_en: descriptions.0,
        description_zh: descriptions.1,
        unit,
        values,
        reference_usd,
        moq,
    }
}

const REBAR: (&str, &str) = (
    "Hot-rolled ribbed bar for reinforced concrete to GB/T 1499.2, bundled, mill test certificate EN 10204 3.1.",
    "热轧带肋钢筋，符合 GB/T 1499.2，打捆交货，附 EN 10204 3.1 质保书。",
);
const BOLT: (&str, &str) = (
    "Hex head bolt, fully threaded to DIN 933 / ISO 4017, packed in cartons of 200 on pallets.",
    "六角头螺栓，全螺纹，符合 DIN 933 / ISO 4017，每箱 200 件，托盘包装。",
);
const PLATE: (&str, &str) = (
    "Plate cut to length from coil or as-rolled, edges mill or trimmed, ultrasonic testing on request.",
    "定尺钢板，毛边或切边，可按要求提供超声波探伤。",
);
const PIPE: (&str, &str) = (
    "Steel pipe in 6 m or 12 m random lengths, bevelled ends, varnished, hydrostatic tested.",
    "钢管，定尺 6 米或 12 米，坡口，涂清漆，逐根水压试验。",
);
const VALVE: (&str, &str) = (
    "Flanged industrial valve, pressure tested to EN 12266-1, supplied with test report.",
    "法兰连接工业阀门，按 EN 12266-1 压力试验，附试验报告。",
);
const BEARING: (&str, &str) = (
    "Rolling bearing to ISO 15, normal clearance, greased for life where sealed.",
    "滚动轴承，符合 ISO 15，普通游隙，密封型终身润滑。",
);

#[rustfmt::skip]
pub const PRODUCTS: &[DemoProduct] = &[
    p("rebar", "RB-HRB400-12", ("HRB400 deformed steel rebar 12 mm", "HRB400 螺纹钢筋 12mm"), REBAR, "t",
        &[("diameter", N("12")), ("grade", S("HRB400")), ("length", N("12")), ("seismic", B(false))], ("545", "25")),
    p("rebar", "RB-HRB400-16", ("HRB400 deformed steel rebar 16 mm", "HRB400 螺纹钢筋 16mm"), REBAR, "t",
        &[("diameter", N("16")), ("grade", S("HRB400")), ("length", N("12")), ("seismic", B(false))], ("538", "25")),
    p("rebar", "RB-HRB400E-20", ("HRB400E seismic steel rebar 20 mm", "HRB400E 抗震螺纹钢筋 20mm"), REBAR, "t",
        &[("diameter", N("20")), ("grade", S("HRB400E")), ("length", N("12")), ("seismic", B(true))], ("552", "25")),
    p("rebar", "RB-HRB500-25", ("HRB500 high-strength steel rebar 25 mm", "HRB500 高强螺纹钢筋 25mm"), REBAR, "t",
        &[("diameter", N("25")), ("grade", S("HRB500")), ("length", N("9")), ("seismic", B(false))], ("575", "25")),
    p("rebar", "RB-B500B-10", ("B500B reinforcing steel bar 10 mm", "B500B 钢筋 10mm"), REBAR, "t",
        &[("diameter", N("10")), ("grade", S("B500B")), ("length", N("12"))], ("590", "20")),
    p("rebar", "RB-HRB400-8-COIL", ("HRB400 rebar in coil 8 mm", "HRB400 盘螺钢筋 8mm"), REBAR, "t",
        &[("diameter", N("8")), ("grade", S("HRB400"))], ("560", "30")),
    p("bolts", "BLT-A2-M12X50", ("Stainless steel hex bolt M12×50 A2-70", "不锈钢六角螺栓 M12×50 A2-70"), BOLT, "pc",
        &[("thread", S("M12")), ("material", S("stainless 304")), ("length", N("50")), ("finish", S("plain")), ("standard", S("DIN 933"))], ("0.32", "2000")),
    p("bolts", "BLT-A2-M8X30", ("Stainless steel hex bolt M8×30 A2-70", "不锈钢六角螺栓 M8×30 A2-70"), BOLT, "pc",
        &[("thread", S("M8")), ("material", S("stainless 304")), ("length", N("30")), ("finish", S("plain")), ("standard", S("DIN 933"))], ("0.09", "5000")),
    p("bolts", "BLT-A4-M16X80", ("Stainless steel hex bolt M16×80 A4-80", "316不锈钢六角螺栓 M16×80 A4-80"), BOLT, "pc",
        &[("thread", S("M16")), ("material", S("stainless 316")), ("length", N("80")), ("finish", S("plain")), ("standard", S("DIN 931"))], ("1.05", "1000")),
    p("bolts", "BLT-88-M10X40-ZP", ("Carbon steel hex bolt M10×40 grade 8.8, zinc plated", "8.8级碳钢六角螺栓 M10×40 镀锌"), BOLT, "pc",
        &[("thread", S("M10")), ("material", S("carbon steel 8.8")), ("length", N("40")), ("finish", S("zinc plated")), ("standard", S("DIN 933"))], ("0.045", "10000")),
    p("bolts", "BLT-88-M20X100-HDG", ("Carbon steel hex bolt M20×100 grade 8.8, hot-dip galvanised", "8.8级碳钢六角螺栓 M20×100 热浸镀锌"), BOLT, "pc",
        &[("thread", S("M20")), ("material", S("carbon steel 8.8")), ("length", N("100")), ("finish", S("hot-dip galvanised")), ("standard", S("DIN 931"))], ("0.62", "2000")),
    p("bolts", "BLT-88-M24X120-HDG", ("Structural carbon steel bolt M24×120 grade 8.8, HDG", "8.8级碳钢结构螺栓 M24×120 热浸镀锌"), BOLT, "pc",
        &[("thread", S("M24")), ("material", S("carbon steel 8.8")), ("length", N("120")), ("finish", S("hot-dip galvanised")), ("standard", S("EN 14399-4"))], ("1.18", "1000")),
    p("bolts", "BLT-109-M16X60", ("High-strength hex bolt M16×60 grade 10.9, black oxide", "10.9级高强度碳钢螺栓 M16×60 发黑"), BOLT, "pc",
        &[("thread", S("M16")), ("material", S("carbon steel 10.9")), ("length", N("60")), ("finish", S("black oxide")), ("standard", S("ISO 4017"))], ("0.28", "2000")),
    p("steel-plate", "PL-Q235B-10", ("Hot-rolled steel plate Q235B 10 mm", "Q235B 热轧钢板 10mm"), PLATE, "t",
        &[("thickness", N("10")), ("grade", S("Q235B")), ("width", N("2000")), ("surface", S("hot rolled"))], ("585", "20")),
    p("steel-plate", "PL-Q355B-20", ("Structural steel plate Q355B 20 mm", "Q355B 低合金结构钢板 20mm"), PLATE, "t",
        &[("thickness", N("20")), ("grade", S("Q355B")), ("width", N("2200")), ("surface", S("hot rolled"))], ("640", "20")),
    p("steel-plate", "PL-S355J2-25", ("Structural steel plate S355J2+N 25 mm", "S355J2 正火结构钢板 25mm"), PLATE, "t",
        &[("thickness", N("25")), ("grade", S("S355J2")), ("width", N("2500")), ("surface", S("hot rolled"))], ("720", "10")),
    p("steel-plate", "PL-SS304-3-2B", ("Stainless steel plate 304, 3 mm, 2B finish", "304不锈钢板 3mm 2B面"), PLATE, "t",
        &[("thickness", N("3")), ("grade", S("304")), ("width", N("1219")), ("surface", S("2B"))], ("2150", "5")),
    p("steel-plate", "PL-SS316L-6", ("Stainless steel plate 316L, 6 mm, No.1 finish", "316L不锈钢板 6mm No.1面"), PLATE, "t",
        &[("thickness", N("6")), ("grade", S("316L")), ("width", N("1500")), ("surface", S("No.1"))], ("3300", "5")),
    p("steel-pipe", "PP-SMLS-114X6-A106B", ("Seamless carbon steel pipe 114.3×6.02 mm ASTM A106 Gr.B", "无缝碳钢管 114.3×6.02mm ASTM A106 B级"), PIPE, "m",
        &[("outer_diameter", N("114.3")), ("wall_thickness", N("6.02")), ("process", S("seamless")), ("standard", S("ASTM A106")), ("material", S("A106 Gr.B"))], ("16.8", "600")),
    p("steel-pipe", "PP-ERW-219X6-API5L", ("ERW line pipe 219.1×6.35 mm API 5L X52", "直缝电阻焊管 219.1×6.35mm API 5L X52"), PIPE, "m",
        &[("outer_diameter", N("219.1")), ("wall_thickness", N("6.35")), ("process", S("ERW")), ("standard", S("API 5L")), ("material", S("X52 PSL1"))], ("27.5", "600")),
    p("steel-pipe", "PP-SMLS-60X4-GB8163", ("Seamless steel pipe 60.3×4 mm GB/T 8163 grade 20", "无缝钢管 60.3×4mm GB/T 8163 20#"), PIPE, "m",
        &[("outer_diameter", N("60.3")), ("wall_thickness", N("4")), ("process", S("seamless")), ("standard", S("GB/T 8163")), ("material", S("20#"))], ("6.4", "1200")),
    p("steel-pipe", "PP-LSAW-508X10-EN10210", ("LSAW structural hollow section 508×10 mm EN 10210 S355J2H", "直缝埋弧焊结构钢管 508×10mm EN 10210 S355J2H"), PIPE, "m",
        &[("outer_diameter", N("508")), ("wall_thickness", N("10")), ("process", S("LSAW")), ("standard", S("EN 10210")), ("material", S("S355J2H"))], ("112", "120")),
    p("valves", "VLV-BALL-DN50-PN40-SS", ("Stainless steel ball valve DN50 PN40, flanged", "不锈钢法兰球阀 DN50 PN40"), VALVE, "pc",
        &[("valve_type", S("ball")), ("size", S("DN50")), ("pressure", S("PN40")), ("body", S("stainless CF8M")), ("actuated", B(false))], ("86", "20")),
    p("valves", "VLV-GATE-DN100-PN16-CI", ("Cast iron gate valve DN100 PN16", "铸铁闸阀 DN100 PN16"), VALVE, "pc",
        &[("valve_type", S("gate")), ("size", S("DN100")), ("pressure", S("PN16")), ("body", S("cast iron")), ("actuated", B(false))], ("74", "20")),
    p("valves", "VLV-BFLY-DN200-PN16-PA", ("Wafer butterfly valve DN200 PN16 with pneumatic actuator", "对夹式气动蝶阀 DN200 PN16"), VALVE, "pc",
        &[("valve_type", S("butterfly")), ("size", S("DN200")), ("pressure", S("PN16")), ("body", S("cast iron")), ("actuated", B(true))], ("265", "10")),
    p("valves", "VLV-CHK-DN80-CL150-WCB", ("Swing check valve DN80 Class 150, WCB body", "WCB旋启式止回阀 DN80 150磅"), VALVE, "pc",
        &[("valve_type", S("check")), ("size", S("DN80")), ("pressure", S("Class 150")), ("body", S("carbon steel WCB"))], ("118", "10")),
    p("bearings", "BRG-6205-2RS", ("Deep groove ball bearing 6205-2RS", "深沟球轴承 6205-2RS"), BEARING, "pc",
        &[("bearing_type", S("deep groove ball")), ("designation", S("6205-2RS")), ("bore", N("25")), ("outer_diameter", N("52")), ("sealed", B(true))], ("0.95", "500")),
    p("bearings", "BRG-6308-ZZ", ("Deep groove ball bearing 6308-ZZ", "深沟球轴承 6308-ZZ"), BEARING, "pc",
        &[("bearing_type", S("deep groove ball")), ("designation", S("6308-ZZ")), ("bore", N("40")), ("outer_diameter", N("90")), ("sealed", B(true))], ("3.10", "200")),
    p("bearings", "BRG-30208", ("Tapered roller bearing 30208", "圆锥滚子轴承 30208"), BEARING, "pc",
        &[("bearing_type", S("tapered roller")), ("designation", S("30208")), ("bore", N("40")), ("outer_diameter", N("80")), ("sealed", B(false))], ("4.60", "200")),
    p("bearings", "BRG-22220-E", ("Spherical roller bearing 22220 E", "调心滚子轴承 22220 E"), BEARING, "pc",
        &[("bearing_type", S("spherical roller")), ("designation", S("22220 E")), ("bore", N("100")), ("outer_diameter", N("180")), ("sealed", B(false))], ("48", "20")),
];
