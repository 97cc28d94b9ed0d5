//! 样品申请、价格提醒与通知的简体中文文案。

use super::AlertTexts;
use crate::i18n::Locale;
use crate::types::money::format_amount;
use crate::types::notice::Notice;
use crate::types::samples::SampleStatus;

fn product_name(product: Option<&crate::types::notice::NoticeProduct>) -> String {
    product.map_or_else(
        || "一条报价".to_owned(),
        |p| format!("{}（{}）", p.name_zh, p.sku),
    )
}

pub static TEXTS: AlertTexts = AlertTexts {
    samples_nav: "样品",
    samples_title: "样品申请",
    samples_mine: "我方申请的样品",
    samples_incoming: "买方向我方申请的样品",
    samples_none_mine: "还没有样品申请。可在比价页面的报价上申请样品。",
    samples_none_incoming: "还没有买方申请样品。",
    request_sample: "申请样品",
    sample_quantity: "样品数量",
    sample_note: "给供应商的留言（可选）",
    send_request: "发送申请",
    sample_sent: "已申请样品。供应商会在“样品”页面答复。",
    product: "产品",
    supplier: "供应商",
    buyer: "买方",
    quantity: "数量",
    requested_at: "申请时间",
    answer: "答复",
    sample_status: |status| match status {
        SampleStatus::Requested => "待答复",
        SampleStatus::Accepted => "已接受",
        SampleStatus::Declined => "已拒绝",
    },
    requested_by: |name| format!("申请人：{name}"),
    shipping_reference: "物流单号",
    decline_reason: "拒绝原因",
    accept: "接受",
    decline: "拒绝",
    accepted_toast: "已接受，并已通知买方。",
    declined_toast: "已拒绝，并已通知买方。",
    ships_with: |reference| format!("物流单号：{reference}"),
    declined_because: |reason| format!("已拒绝：{reason}"),
    refreshes: "每 10 秒更新一次。",
    samples_none_waiting: "没有待答复的样品申请。",
    samples_waiting: |n| format!("有 {n} 条样品申请待您答复。"),
    open_samples: "查看样品申请",
    alerts_nav: "价格提醒",
    alerts_title: "价格提醒",
    alerts_lead: "当已审核报价的到岸单价降到或低于您的目标价时，我们会通知您一次。",
    alerts_none: "还没有价格提醒。可在产品或比价页面设置。",
    watch_price: "设置价格提醒",
    destination: "目的地",
    currency: "币种",
    target_unit_cost: "目标到岸单价",
    target_hint: "以您的币种计算的货款、运费和关税，另加按年利率 8% 计算的付款账期成本。",
    create_alert: "创建提醒",
    alert_created: "提醒已创建。有报价达到目标价时我们会通知您。",
    alert_met_now: |cost| format!("已有报价达到目标：{cost}。请查看通知。"),
    alert_state: "状态",
    watching: "监控中",
    reached: "已达到",
    reached_by: |cost, supplier| match supplier {
        Some(supplier) => format!("{cost}，来自 {supplier}"),
        None => cost.to_owned(),
    },
    delete: "删除",
    alert_deleted: "提醒已删除",
    notifications_nav: "通知",
    notifications_title: "通知",
    notifications_none: "暂无通知。价格提醒和样品申请的答复会显示在这里。",
    unread: |n| format!("{n} 条未读"),
    mark_all_read: "全部标为已读",
    notice_text: |notice| match notice {
        Notice::PriceAlert {
            product,
            supplier_name,
            quantity,
            unit_cost,
            target,
            ..
        } => format!(
            "价格提醒：{} 在 {} 的数量下，{supplier_name} 的到岸单价为 {}，已达到您的目标价 {}。",
            product_name(Some(product)),
            format_amount(*quantity, 0),
            unit_cost.format(Locale::ZhCn),
            target.format(Locale::ZhCn),
        ),
        Notice::SampleRequested {
            product,
            buyer_name,
            quantity,
            ..
        } => format!(
            "{buyer_name} 申请 {} 的样品，数量 {}。",
            product_name(Some(product)),
            format_amount(*quantity, 0),
        ),
        Notice::SampleAccepted {
            product,
            supplier_name,
            shipping_reference,
            ..
        } => format!(
            "{supplier_name} 已接受您对 {} 的样品申请，物流单号：{shipping_reference}。",
            product_name(Some(product)),
        ),
        Notice::SampleDeclined {
            product,
            supplier_name,
            reason,
            ..
        } => format!(
            "{supplier_name} 拒绝了您对 {} 的样品申请：{reason}",
            product_name(Some(product)),
        ),
        Notice::ListingApproved { product, .. } => {
            format!(
                "您的报价 {} 已通过审核，买方现在可以看到。",
                product_name(product.as_ref())
            )
        }
        Notice::ListingRejected {
            product, reason, ..
        } => format!(
            "您的报价 {} 未通过审核{}",
            product_name(product.as_ref()),
            reason
                .as_deref()
                .map_or_else(|| "。".to_owned(), |r| format!("：{r}")),
        ),
    },
};
