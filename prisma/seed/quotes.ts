// Sentences of the source the seed cites, verbatim (the text uses ASCII commas). Every citation quotes
// one of these; the seed checks each against the source file and fails if one is not found there.

export const YULU_MORNING =
  '一大早,鲁甸县卯家湾易地扶贫搬迁安置区雨露社区搬迁群众孔小琼把两个孩子送到家门口的小学后,步行10分钟就到达薯片生产车间上班。'
export const CHIP_WORKER = '“我在薯片生产线上班4年多了,月工资3400元。'
export const RELOCATED_TOTALS = '像孔小琼家一样过上幸福新生活的搬迁群众,仅卯家湾安置区就有3.9万余人,昭通市有35.47万人。'
export const MOST_LIFTED_CITY =
  '作为全国脱贫人口最多的地级市,昭通市聚焦省委“3815”战略发展目标,扎实做好“产、城、人”三篇文章,紧扣群众增收这条主线,强化产业就业支撑,提升教育医疗质量,夯实“一老一小”保障,让广大群众生活更加温暖、幸福更有质感。'
export const INCOME_2023 = '2023年,昭通市脱贫群众人均纯收入增长16.8%,增速列全省第一位。'
export const INCOME_2024_Q3 = '今年前三季度,全市农村居民人均可支配收入增长8.3%,增速列全省第二位。'
export const GARMENT_WORKSHOP =
  '走进镇雄县纺织服装产业园某服饰有限公司生产车间,100余名务工群众正熟练操作缝纫机赶制防晒服订单。'
export const GARMENT_WORKER =
  '“我学习10多天就上手了,月工资从最初的1000多元增加到4000多元。”入职仅两个月的务工群众陈章春说,孩子白天去上学,她就来服装厂上班,挣钱和顾家“两不误”。'
export const GARMENT_COMPANY =
  '“公司安装了10条生产线,可提供就业岗位800余个,目前在岗职工有300余人,月平均工资在5000元以上。”该公司总经理介绍,公司生产的中高端防晒服、打底裤等产品,主要面向国内市场,同时兼顾外贸订单,全面投产后,年产值可达1.2亿元。'
export const PARK_PURPOSE =
  '镇雄县纺织服装产业园既是呢噜坪易地扶贫搬迁安置区的配套项目,也是该县承接产业转移、回引人才返乡创业就业的支撑性项目。'
export const PARK_PHASE_ONE =
  '“产业园一期占地237亩,已入驻企业10家,直接吸纳就业2700余人。”镇雄产业园区管理委员会负责人说。'
export const AGRI_ENTITIES =
  '2023年以来,通过完善利益联结机制,全市9160户新型农业经营主体带动44.04万户脱贫群众户均增收3761元。'
export const RURAL_LABOUR = '全市301.9万农村劳动力转移就业稳定在261万人以上,平均务工时长保持在9.5个月。'
export const RETURNED_ENTREPRENEURS = '今年回引3.5万人返乡创业,带动9.52万人在家门口就业。'
export const HOSPITAL_ROLE =
  '云南省滇东北中心医院是省委、省政府着力解决群众看病难,推动优质医疗资源扩容下沉和区域均衡布局,在昭通中心城区布局建设的四个省级区域医疗中心之一。'
export const HOSPITAL_PLAN = '医院规划床位5000张,重点建设心血管、肿瘤、神经、呼吸、创伤五大中心。'
export const HOSPITAL_TECHNIQUES =
  '医院负责人介绍,自2022年7月医院一期建成运营以来,已开展高难度诊疗技术50多项、区域新技术项目10项,填补了昭通在相关领域的技术空白。'
export const HOSPITAL_PATIENTS =
  '目前,已有2000多名长期在市外和准备外出就医的肿瘤、心血管病患者返回市内治疗,群众就医负担明显减轻。'
export const HOSPITAL_MANAGEMENT =
  '为办好人民满意的高水平医院,昭通市在前期争取云南省阜外心血管病医院等指导运营医院一期的基础上,今年9月由昆明医科大学全面托管滇东北中心医院,开创了省级区域医疗中心建设运营委托管理的新模式,让患者享受更优质的医疗服务。'
export const HEALTH_SYSTEM =
  '近年来,昭通市不断完善医疗卫生服务体系,着力提升医疗服务水平,全面推进医保参保扩面,加快建设4大专科医院、11个省级临床医学分中心、12家医共体总医院,持续增进各族群众健康福祉。'
export const EDUCATION_INVESTMENT =
  '为补齐教育短板,昭通市一手抓硬件投入、一手抓教学质量,去年以来投入近50亿元实施教育项目192个,新增学位7.2万个,基本补齐各阶段学位缺口,办学条件全面提升。'
export const EDUCATION_MODELS =
  '今年11月,昭通市留守儿童暑期集中托管、普通高中教研联盟、职业教育市县一体化办学3个案例入选全省“十种办学好模式”。'
export const LIVELIHOOD_SPENDING = '2023年,全市民生支出476.8亿元,占比达83%,托起群众的幸福生活。'
export const FUXING_CANTEEN =
  '中午时分,绥江县中城镇福兴社区老年幸福食堂饭菜飘香,丰富多样的家常菜吸引社区群众排队就餐,幸福食堂洋溢着幸福味道。'
export const FUXING_CANTEEN_PRICES =
  '“60岁以上的5元一餐、90岁以上的免费用餐,今年3月开业以来,共提供就餐服务1万多人次。”福兴社区党支部书记说。'
export const FUXING_RESIDENTS = '福兴社区承接安置了7357名易地扶贫搬迁群众,其中老年人1248人、留守老人139人。'
export const FUXING_ELDERLY_CENTRE =
  '去年以来,社区认真落实县委“守护夕阳红”三年行动,建成养老服务中心,打造“15分钟养老服务生活圈”,清单化开展28项养老服务,提供“物质+服务”2450余人次,切实提升老年人幸福感。'
export const FUXING_CHILDRENS_HOME =
  '为护航社区儿童茁壮成长,福兴社区对“儿童之家”进行提升改造,面积从100平方米扩大到300余平方米,增设了阅览室、书画室、多媒体教室等功能区,惠及社区儿童1237人。'
export const ELDERLY_CARE =
  '聚焦老有所养,全市大力实施“惠老阳光工程”,建成11个县级失能照护机构、90个乡镇级区域养老服务中心、1619个社区居家养老服务中心,让3.2万名留守老人实现生活保障、困难帮扶、健康服务、关心关爱“四个到位”。'
export const LEFT_BEHIND_CHILDREN =
  '聚焦幼有所育,全市深入开展留守儿童关爱保护专项行动,健全完善“受托管护人”机制,9.2万名留守儿童实现全覆盖关爱帮扶。'
export const SUMMER_CARE =
  '今年暑期,全市开放88所学校和288个“儿童之家”,组织1400余名志愿者,为9516名留守儿童提供暑期集中托管服务,护航少年儿童健康快乐成长。'
