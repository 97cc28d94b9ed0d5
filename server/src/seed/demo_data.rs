//! The demo data set: buyers and suppliers across steel, fasteners, electronics and fresh produce,
//! named in English and Chinese. Fixed, so every run and every browser test sees the same world.

use app::types::{OrgKind, Role};

/// The password of every demo account (printed by the run command).
pub const DEMO_PASSWORD: &str = "agora-demo-2026";

pub struct DemoOrg {
    pub name: &'static str,
    pub name_zh: &'static str,
    pub kind: OrgKind,
    pub industry: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub description: &'static str,
    /// (e-mail, display name, role); the first is the admin.
    pub people: &'static [(&'static str, &'static str, Role)],
}

/// Platform staff: (e-mail, display name, role).
pub const DEMO_STAFF: &[(&str, &str, Role)] = &[
    ("operator@agora.example", "Olivia Chen 陈欣", Role::Operator),
    ("reviewer@agora.example", "Rahul Mehta", Role::Reviewer),
];

const fn org(
    name: &'static str,
    name_zh: &'static str,
    kind: OrgKind,
    industry: &'static str,
    place: (&'static str, &'static str),
    description: &'static str,
    people: &'static [(&'static str, &'static str, Role)],
) -> DemoOrg {
    DemoOrg {
        name,
        name_zh,
        kind,
        industry,
        city: place.0,
        country: place.1,
        description,
        people,
    }
}

use OrgKind::{Both, Buyer, Supplier};
use Role::{Admin, Member};

pub const DEMO_ORGS: &[DemoOrg] = &[
    org(
        "Northwind Manufacturing Ltd",
        "北风制造有限公司",
        Buyer,
        "Industrial machinery",
        ("Manchester", "GB"),
        "Builds packaging machines; buys steel plate, fasteners and drives.",
        &[
            ("buyer@northwind.example", "Emma Clarke", Admin),
            ("anna@northwind.example", "Anna Patel", Member),
        ],
    ),
    org(
        "Huaxin Auto Parts Co., Ltd.",
        "华信汽车零部件有限公司",
        Buyer,
        "Automotive components",
        ("Wuhan", "CN"),
        "Tier-2 supplier of chassis parts to Wuhan car plants.",
        &[
            ("buyer@huaxin-auto.example", "王磊 Wang Lei", Admin),
            ("zhao@huaxin-auto.example", "赵敏 Zhao Min", Member),
        ],
    ),
    org(
        "Baltic Shipyards AS",
        "波罗的海船厂",
        Buyer,
        "Shipbuilding",
        ("Gdańsk", "PL"),
        "Ferries and offshore vessels; large steel and electronics tenders.",
        &[("procurement@baltic-yards.example", "Piotr Nowak", Admin)],
    ),
    org(
        "FreshMart Retail Group",
        "鲜市零售集团",
        Buyer,
        "Food retail",
        ("Shanghai", "CN"),
        "320 supermarkets in East China buying fresh produce daily.",
        &[("buyer@freshmart.example", "李娜 Li Na", Admin)],
    ),
    org(
        "Jiangsu Hengda Steel Co., Ltd.",
        "江苏恒达钢铁有限公司",
        Supplier,
        "Steel",
        ("Changzhou", "CN"),
        "Hot-rolled coil and plate, Q235B/Q355B, 1.2 Mt a year.",
        &[
            ("sales@hengda-steel.example", "陈刚 Chen Gang", Admin),
            ("export@hengda-steel.example", "刘洋 Liu Yang", Member),
        ],
    ),
    org(
        "Ruhr Stahlhandel GmbH",
        "鲁尔钢材贸易有限公司",
        Supplier,
        "Steel",
        ("Duisburg", "DE"),
        "Stockholder of S355 plate and sections, next-day delivery in the EU.",
        &[("vertrieb@ruhr-stahl.example", "Jonas Weber", Admin)],
    ),
    org(
        "Tianjin Yuanhang Steel Pipe Co.",
        "天津远航钢管有限公司",
        Supplier,
        "Steel",
        ("Tianjin", "CN"),
        "Seamless and ERW pipe to API 5L and EN 10210.",
        &[("sales@yuanhang-pipe.example", "孙浩 Sun Hao", Admin)],
    ),
    org(
        "Ningbo Jinli Fasteners Co., Ltd.",
        "宁波金力紧固件有限公司",
        Supplier,
        "Fasteners",
        ("Ningbo", "CN"),
        "DIN 933/934 bolts and nuts, grades 8.8 and 10.9, zinc and HDG.",
        &[("sales@jinli-fasteners.example", "周婷 Zhou Ting", Admin)],
    ),
    org(
        "Precision Bolt & Nut Inc.",
        "精密螺栓螺母公司",
        Supplier,
        "Fasteners",
        ("Cleveland", "US"),
        "ASTM A325 structural bolts and aerospace-grade fasteners.",
        &[("orders@precisionbolt.example", "Mike Johnson", Admin)],
    ),
    org(
        "Haiyan Zhengda Hardware Co.",
        "海盐正大五金有限公司",
        Supplier,
        "Fasteners",
        ("Jiaxing", "CN"),
        "Self-tapping screws, rivets and washers in high volume.",
        &[("sales@zhengda-hw.example", "吴静 Wu Jing", Admin)],
    ),
    org(
        "Shenzhen Xinwei Electronics Co., Ltd.",
        "深圳芯微电子有限公司",
        Supplier,
        "Electronics",
        ("Shenzhen", "CN"),
        "Power modules, MCUs and sensor boards; ISO 9001 and IATF 16949.",
        &[
            ("sales@xinwei-elec.example", "黄伟 Huang Wei", Admin),
            ("fae@xinwei-elec.example", "林芳 Lin Fang", Member),
        ],
    ),
    org(
        "Dongguan Huatai PCB Co.",
        "东莞华泰线路板有限公司",
        Supplier,
        "Electronics",
        ("Dongguan", "CN"),
        "2–12 layer PCBs and SMT assembly, 48-hour prototypes.",
        &[("sales@huatai-pcb.example", "郑凯 Zheng Kai", Admin)],
    ),
    org(
        "Nordic Components AB",
        "北欧元器件公司",
        Supplier,
        "Electronics",
        ("Malmö", "SE"),
        "Industrial connectors and cable assemblies for marine use.",
        &[("sales@nordic-components.example", "Sofia Lindqvist", Admin)],
    ),
    org(
        "Shouguang Green Valley Vegetables",
        "寿光绿谷蔬菜合作社",
        Supplier,
        "Fresh produce",
        ("Weifang", "CN"),
        "Greenhouse tomatoes, cucumbers and peppers, GLOBALG.A.P. certified.",
        &[("sales@greenvalley-veg.example", "马强 Ma Qiang", Admin)],
    ),
    org(
        "Yunnan Highland Fruit Co.",
        "云南高原果业有限公司",
        Supplier,
        "Fresh produce",
        ("Kunming", "CN"),
        "Blueberries, citrus and mangoes with cold-chain logistics.",
        &[("sales@highland-fruit.example", "杨丽 Yang Li", Admin)],
    ),
    org(
        "Andes Fresh Exports S.A.",
        "安第斯生鲜出口公司",
        Supplier,
        "Fresh produce",
        ("Valparaíso", "CL"),
        "Cherries, grapes and avocados shipped reefer CIF to Asia.",
        &[("exports@andesfresh.example", "Camila Rojas", Admin)],
    ),
    org(
        "Sino-Euro Industrial Supply GmbH",
        "中欧工业供应有限公司",
        Both,
        "Industrial trading",
        ("Hamburg", "DE"),
        "Buys in China, sells in Europe: steel, fasteners and MRO goods.",
        &[("trade@sino-euro.example", "Felix 张 Zhang", Admin)],
    ),
];
