"""Write docs/examples/sample-customers.xlsx: a newcomer's customer sheet to import.

Twenty-two rows (one per contact; two customers have two contacts) of Hangzhou group
customers, as an account manager keeps them in Excel, with four deliberate mistakes of
different kinds (see ``MISTAKES``) for the walkthrough in docs/examples/README.md: import,
read the error report, fix, import again.

    python docs/examples/make_sample.py [OUT.xlsx]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
OUT = HERE / "sample-customers.xlsx"
SHEET = "客户清单"
HEADERS = ("客户名称", "简称", "统一社会信用代码", "行业", "地区", "地址", "员工数", "竞争对手合同到期",
           "联系人", "职务", "手机", "电话", "邮箱")

ROWS: tuple[tuple[object, ...], ...] = (
    ("杭州市西湖区人民政府办公室", "西湖区府办", "11330106086026315A", "政府", "西湖区",
     "杭州市西湖区文三路88号", 120, date(2027, 3, 31), "陈建国", "办公室主任", "13805710001", "0571-87010001",
     "chenjg@xihu.example.cn"),
    ("中国银行杭州西湖支行", "中行西湖支行", "91330106MA9HGAYJ57", "银行", "西湖区",
     "杭州市西湖区曙光路122号", 260, date(2026, 12, 31), "王丽华", "行长", "13906520002", "", ""),
    ("中国银行杭州西湖支行", "", "91330106MA9HGAYJ57", "银行", "西湖区", "", None, None,
     "刘洋", "科技部经理", "13757190003", "", "liuyang@boc-hz.example.cn"),
    ("杭州市第一人民医院", "市一医院", "12330102714945081B", "医院", "上城区", "杭州市上城区浣纱路261号",
     3200, date(2027, 6, 30), "张明", "信息科科长", "13588120004", "0571-56010004", ""),
    ("杭州学军中学", "学军中学", "12330106417611157Y", "教育", "西湖区", "杭州市西湖区文三路学军路口",
     450, None, "赵晓燕", "信息中心主任", "13967130005", "", "zhaoxy@xuejun.example.cn"),
    ("国家税务总局杭州市拱墅区税务局", "拱墅区税务局", "11330105355309760U", "税务", "拱墅区",
     "杭州市拱墅区莫干山路100号", 380, None, "孙伟", "信息中心副主任", "13757160006", "0571-85010006", ""),
    ("杭州顺达物流有限公司", "顺达物流", "91330110MANYTPLXXA", "物流", "余杭区", "杭州市余杭区仓前街道良睦路8号",
     850, date(2027, 1, 15), "周凯", "行政总监", "15868140007", "", ""),
    ("杭州华芯电子科技有限公司", "华芯电子", "91330108MAD94EXK2A", "电子制造", "滨江区",
     "杭州市滨江区江南大道3880号", 1500, date(2026, 12, 20), "吴敏", "IT经理", "18657150008", "",
     "wumin@huaxin.example.cn"),
    ("杭州华芯电子科技有限公司", "", "91330108MAD94EXK2A", "电子制造", "滨江区", "", None, None,
     "郑强", "副总经理", "13065710009", "", ""),
    ("杭州湖滨假日连锁酒店管理有限公司", "湖滨酒店", "9133010562129972XF", "连锁酒店", "上城区",
     "杭州市上城区湖滨路12号", 620, None, "冯雪", "采购经理", "13777180010", "", ""),
    ("钱塘证券杭州文三路营业部", "钱塘证券", "91330106MACWEFYA3C", "证券", "西湖区", "杭州市西湖区文三路478号",
     85, date(2027, 2, 28), "何静", "营业部总经理", "13819160011", "", "hejing@qtzq.example.cn"),
    ("杭州市滨江区交通运输局", "滨江交通局", "11330108912937170P", "交通", "滨江区", "杭州市滨江区江汉路1515号",
     140, None, "许志刚", "科技科科长", "13857170012", "0571-87710012", ""),
    ("杭州钱江保险代理有限公司", "钱江保险", "91330102MATYEBGB9M", "保险", "上城区", "杭州市上城区解放东路29号",
     210, None, "马丽", "运营总监", "15957180013", "", ""),
    ("杭州湖畔文化传媒有限公司", "湖畔传媒", "913301066819303689", "新闻出版媒体", "西湖区",
     "杭州市西湖区西溪路525号", 95, None, "朱婷", "行政主管", "13616810014", "", ""),
    ("杭州市余杭区中医院", "余杭中医院", "12330110374264975H", "医院", "余杭区", "杭州市余杭区临平街道北大街",
     900, date(2027, 5, 31), "胡建平", "院办主任", "13588190015", "", ""),
    ("杭州临平石化储运有限公司", "临平石化", "91330110MAY7L1W57K", "石化", "余杭区", "杭州市余杭区东湖街道",
     430, None, "林峰", "安全环保部经理", "13705810016", "", ""),
    ("杭州海关驻滨江办事处", "滨江海关办", "11330108048026074D", "海关", "滨江区", "杭州市滨江区长河路",
     60, None, "高翔", "综合科科长", "13867150017", "", ""),
    ("杭州市西湖区文新街道社区卫生服务中心", "文新社区卫生", "123301066792781399", "医院", "西湖区",
     "杭州市西湖区文新路", 75, None, "罗佳", "主任", "13757120018", "", ""),
    # Mistake 1: an industry the program does not know (a restaurant group is 其他, "other").
    ("杭州丰收餐饮管理有限公司", "丰收餐饮", "91330102827521744C", "餐饮", "上城区", "杭州市上城区清泰街",
     300, None, "梁军", "总经理", "13857160019", "", ""),
    # Mistake 2: a credit code with a wrong check character (the last one should be E).
    ("杭州联合农村商业银行三墩支行", "联合银行三墩支行", "91330106MA9LQFX99F", "银行", "西湖区",
     "杭州市西湖区三墩镇", 45, date(2027, 4, 30), "宋佳怡", "支行行长", "13906510020", "", ""),
    # Mistake 3: a mobile number with a digit missing.
    ("杭州市拱墅区米市巷街道办事处", "米市巷街道", "11330105072815372K", "政府", "拱墅区", "杭州市拱墅区湖墅南路",
     80, None, "谢丹", "党政办主任", "1390571002", "", ""),
    # Mistake 4: the headcount written as words, not a number.
    ("杭州云栖物流科技有限公司", "云栖物流", "91330110MAJPQRBU5Y", "物流", "西湖区", "杭州市西湖区云栖小镇",
     "约200人", None, "韩冰", "运营经理", "18868170022", "", ""),
)

#: The deliberate mistakes: sheet row (the header is row 1) -> (header, wrong value, the fix).
MISTAKES: dict[int, tuple[str, str, object]] = {
    20: ("行业", "餐饮", "其他"),
    21: ("统一社会信用代码", "91330106MA9LQFX99F", "91330106MA9LQFX99E"),
    22: ("手机", "1390571002", "13905710021"),
    23: ("员工数", "约200人", 200),
}

_TEXT_COLUMNS = {"统一社会信用代码", "手机", "电话"}  # never numbers: Excel would drop digits


def write(out: Path = OUT, rows: tuple[tuple[object, ...], ...] = ROWS) -> Path:
    """Write the sheet to ``out``: text as text (codes and phones too), numbers as numbers,
    dates as real dates; a bold frozen header row."""
    book = xlsxwriter.Workbook(str(out), {"strings_to_numbers": False, "strings_to_formulas": False,
                                          "strings_to_urls": False})
    ws = book.add_worksheet(SHEET)
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    text = book.add_format({"num_format": "@"})
    ws.write_row(0, 0, HEADERS, head)
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, date):
                ws.write_datetime(r, c, value, day)
            elif isinstance(value, int):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, str(value), text if HEADERS[c] in _TEXT_COLUMNS else None)
    widths = (34, 16, 22, 12, 8, 30, 8, 16, 8, 16, 14, 14, 28)
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    ws.freeze_panes(1, 0)
    book.close()
    return out


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
