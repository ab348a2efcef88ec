// The seed flow in BPMN on paed01's bpmn-engine, in memory: start → script task → exclusive gateway
// (hardware?) → service task calling the ERP stub → user task (signalled) → end.
import { request, Agent } from 'node:http'
import { EventEmitter } from 'node:events'
import BpmnModdle from 'bpmn-moddle'
import { Engine } from 'bpmn-engine'

const SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="triage">
  <process id="incidentTriage" isExecutable="true">
    <startEvent id="created" />
    <scriptTask id="classify" scriptFormat="javascript">
      <script><![CDATA[
        const title = environment.variables.title.toLowerCase();
        environment.variables.category = ['laptop', 'printer'].some((k) => title.includes(k)) ? 'hardware' : 'other';
        next();
      ]]></script>
    </scriptTask>
    <exclusiveGateway id="isHardware" default="toConfirm" />
    <serviceTask id="checkWarranty" implementation="\${environment.services.warranty}" />
    <userTask id="confirm" />
    <endEvent id="resolved" />
    <sequenceFlow id="f1" sourceRef="created" targetRef="classify" />
    <sequenceFlow id="f2" sourceRef="classify" targetRef="isHardware" />
    <sequenceFlow id="hardware" sourceRef="isHardware" targetRef="checkWarranty">
      <conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, environment.variables.category === 'hardware')</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="toConfirm" sourceRef="isHardware" targetRef="confirm" />
    <sequenceFlow id="f4" sourceRef="checkWarranty" targetRef="confirm" />
    <sequenceFlow id="f5" sourceRef="confirm" targetRef="resolved" />
  </process>
</definitions>`

/** Runs instances for `durationMs` or `max`, `concurrency` at a time; resolves with the latencies (ms). */
export async function runBpmn({ erpUrl, durationMs, max, concurrency }) {
  const moddleContext = await new BpmnModdle().fromXML(SOURCE)
  const agent = new Agent({ keepAlive: true, maxSockets: 16 })
  const erp = new URL(`${erpUrl}/warranty`)
  const warranty = (serial) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ serial })
      const req = request(erp, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (text += c))
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`ERP answered ${res.statusCode}`))))
      })
      req.on('error', reject)
      req.end(body)
    })

  const runOne = async (i) => {
    const listener = new EventEmitter()
    listener.on('wait', (api) => {
      if (api.id === 'confirm') api.signal({ category: 'hardware' })
    })
    const engine = new Engine({ name: `triage-${i}`, moddleContext, settings: { enableDummyService: false } })
    const services = {
      warranty(_ctx, next) {
        warranty(`SN-${i}`).then((r) => next(null, r), next)
      },
    }
    const ended = engine.waitFor('end')
    await engine.execute({ listener, services, variables: { title: `Laptop ${i} does not boot` } })
    await ended
  }

  const latencies = []
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  let next = 0
  const lane = async () => {
    for (;;) {
      const i = next++
      if (i >= max || performance.now() - started > durationMs) return
      const t0 = performance.now()
      await runOne(i)
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpu0)
  agent.destroy()
  return { latencies, seconds, cpuMs: (cpu.user + cpu.system) / 1000 }
}
