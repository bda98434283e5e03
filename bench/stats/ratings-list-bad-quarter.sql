-- The ratings list: 差评 (不满意, 非常不满意) of one department over a quarter, counted only.
\set d random(1, 35)
\set m random(0, 20)
SELECT r.id, t.number, t.department_id, r.level, r.source, r.raw_text, r.status, r.created_at, r.excluded_at
  FROM ratings r JOIN tickets t ON t.id = r.ticket_id
 WHERE t.department_id = (ARRAY['hhht','hhht.xincheng','hhht.xincheng.dongjie','hhht.xincheng.xijie','hhht.xincheng.hailaerdonglu','hhht.huimin','hhht.huimin.zhongshanxilu','hhht.huimin.youyouban','hhht.yuquan','hhht.yuquan.xiaozhaoqianjie','hhht.saihan','hhht.saihan.daxuedonglu','hhht.saihan.bayan','hhht.tmzq','hhht.tmzq.chasuqi','hhht.tmzq.bikeqi','hhht.tuoketuo','hhht.tuoketuo.shuanghe','hhht.saihan.urban','hhht.tmzq.housing','hhht.housing','hhht.market','hhht.transport','hhht.environment','hhht.hrss','hhht.water','hhht.watersupply','hhht.power','hhht.heating','hhht.gas','hhht.urban','hhht.police','hhht.education','hhht.health','hhht.realestate'])[:d]
   AND r.bad AND r.status = 'counted'
   AND r.created_at >= '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m)
   AND r.created_at < '2024-12-01 00:00+08'::timestamptz + make_interval(months => :m + 3)
 ORDER BY r.created_at DESC, r.id DESC
 LIMIT 50;
