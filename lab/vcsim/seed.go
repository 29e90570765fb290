package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/types"
)

// reportSeed holds the switches that seed what the daily report's checks look for, beyond scenario.go.
type reportSeed struct {
	setupDays                 int
	created, oldCreated       int
	cloned, oldRemoved        int
	errorEvents               int
	outsideDays               int
	datastoreFree, ntpServers string
	ntpStopped, ntpEmpty      int
}

type seededEvent struct {
	Vm      string `json:"vm"`
	Source  string `json:"source,omitempty"`
	Message string `json:"message,omitempty"`
	Created string `json:"created"`
}

type datastoreFree struct {
	Name    string  `json:"name"`
	Percent float64 `json:"percent"`
}

// seeded is what the report seeding did, for the ready line ("report" key): tests compute expectations from it.
type seeded struct {
	CreatedVms      []seededEvent   `json:"createdVms"`
	OldCreatedVms   []seededEvent   `json:"oldCreatedVms"`
	ClonedVms       []seededEvent   `json:"clonedVms"`
	OldRemovedVms   []seededEvent   `json:"oldRemovedVms"`
	ErrorEvents     []seededEvent   `json:"errorEvents"`
	OldErrorEvents  []seededEvent   `json:"oldErrorEvents"`
	DatastoreFree   []datastoreFree `json:"datastoreFree"`
	NtpServers      []string        `json:"ntpServers"`
	NtpStoppedHosts []string        `json:"ntpStoppedHosts"`
	NtpEmptyHosts   []string        `json:"ntpEmptyHosts"`
}

// liveEvents returns the event manager's own event objects (the in-process client gets pointers, not
// copies), newest first, so that their time can be moved after the simulator stamped them "now".
func liveEvents(ctx context.Context, c *vim25.Client) ([]types.BaseEvent, error) {
	res, err := methods.QueryEvents(ctx, c, &types.QueryEvents{This: *c.ServiceContent.EventManager, Filter: types.EventFilterSpec{MaxCount: 1000}})
	if err != nil {
		return nil, err
	}
	return res.Returnval, nil
}

// retime moves the events matching keep to t (and returns how many it moved).
func retime(ctx context.Context, c *vim25.Client, t time.Time, keep func(types.BaseEvent) bool) (int, error) {
	events, err := liveEvents(ctx, c)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range events {
		if keep(e) {
			e.GetEvent().CreatedTime = t
			n++
		}
	}
	return n, nil
}

func vmNamed(e types.BaseEvent, name string) bool {
	ev := e.GetEvent()
	return ev.Vm != nil && ev.Vm.Name == name
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func seedReport(ctx context.Context, c *vim25.Client, places []hostPlace, vms []*object.VirtualMachine, done applied, r reportSeed) (seeded, error) {
	out := seeded{}
	now := time.Now()
	outside := now.Add(-time.Duration(r.outsideDays) * 24 * time.Hour)
	if r.setupDays > 0 {
		// The lab's own creations are not news: only the seeded events below stay inside a report's window.
		_, err := retime(ctx, c, now.Add(-time.Duration(r.setupDays)*24*time.Hour), func(e types.BaseEvent) bool {
			switch e.(type) {
			case *types.VmRemovedEvent, *types.DrsVmMigratedEvent:
				return false
			}
			return true
		})
		if err != nil {
			return out, err
		}
	}
	if len(places) == 0 {
		return out, nil
	}
	p := places[len(places)-1]
	for i := 0; i < r.created; i++ {
		name := fmt.Sprintf("created_VM%d", i)
		if _, err := createVM(ctx, c, p, name); err != nil {
			return out, err
		}
		out.CreatedVms = append(out.CreatedVms, seededEvent{Vm: name, Created: stamp(now)})
	}
	for i := 0; i < r.oldCreated; i++ {
		name := fmt.Sprintf("old_created_VM%d", i)
		if _, err := createVM(ctx, c, p, name); err != nil {
			return out, err
		}
		if _, err := retime(ctx, c, outside, func(e types.BaseEvent) bool { return vmNamed(e, name) }); err != nil {
			return out, err
		}
		out.OldCreatedVms = append(out.OldCreatedVms, seededEvent{Vm: name, Created: stamp(outside)})
	}
	for i := 0; i < r.cloned && i < len(vms); i++ {
		src := vmObj(vms[i])
		name := fmt.Sprintf("clone_VM%d", i)
		pool := p.pool.Reference()
		host := p.host.Reference()
		t, err := vms[i].Clone(ctx, p.vmFolder, name, types.VirtualMachineCloneSpec{Location: types.VirtualMachineRelocateSpec{Pool: &pool, Host: &host}})
		if err := waitTask(ctx, t, err); err != nil {
			return out, err
		}
		out.ClonedVms = append(out.ClonedVms, seededEvent{Vm: name, Source: src.Name, Created: stamp(now)})
	}
	for i := 0; i < r.oldRemoved; i++ {
		name := fmt.Sprintf("old_removed_VM%d", i)
		vm, err := createVM(ctx, c, p, name)
		if err != nil {
			return out, err
		}
		t, err := vm.Destroy(ctx)
		if err := waitTask(ctx, t, err); err != nil {
			return out, err
		}
		if _, err := retime(ctx, c, outside, func(e types.BaseEvent) bool { return vmNamed(e, name) }); err != nil {
			return out, err
		}
		out.OldRemovedVms = append(out.OldRemovedVms, seededEvent{Vm: name, Created: stamp(outside)})
	}
	em := *c.ServiceContent.EventManager
	for i := 0; i < 2*r.errorEvents; i++ {
		old := i >= r.errorEvents
		msg := fmt.Sprintf("lab error %d <b>disk</b> & failure", i)
		ev := &types.EventEx{EventTypeId: "com.vigie.lab.error", Severity: "error", Message: msg}
		if _, err := methods.PostEvent(ctx, c, &types.PostEvent{This: em, EventToPost: ev}); err != nil {
			return out, err
		}
		ev.FullFormattedMessage = msg
		when := now
		if old {
			when = outside
		}
		ev.CreatedTime = when
		if old {
			out.OldErrorEvents = append(out.OldErrorEvents, seededEvent{Message: msg, Created: stamp(when)})
		} else {
			out.ErrorEvents = append(out.ErrorEvents, seededEvent{Message: msg, Created: stamp(when)})
		}
	}

	if r.datastoreFree != "" {
		dss := sortedEntities("Datastore")
		for i, f := range strings.Split(r.datastoreFree, ",") {
			pct, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				return out, fmt.Errorf("-datastore-free: %q is not a number", f)
			}
			if i >= len(dss) {
				return out, fmt.Errorf("-datastore-free: %d values for %d datastores", i+1, len(dss))
			}
			ds := dss[i].(*simulator.Datastore)
			ds.Summary.FreeSpace = int64(float64(ds.Summary.Capacity) * pct / 100)
			ds.Info.GetDatastoreInfo().FreeSpace = ds.Summary.FreeSpace
			out.DatastoreFree = append(out.DatastoreFree, datastoreFree{Name: ds.Name, Percent: pct})
		}
	}

	if r.ntpServers != "" || r.ntpStopped > 0 || r.ntpEmpty > 0 {
		servers := []string{}
		for _, s := range strings.Split(r.ntpServers, ",") {
			if s = strings.TrimSpace(s); s != "" {
				servers = append(servers, s)
			}
		}
		out.NtpServers = servers
		// Connected, out-of-maintenance hosts get the seeded NTP problems (a disconnected host's config is stale).
		skip := map[string]bool{}
		for _, n := range done.MaintenanceHosts {
			skip[n] = true
		}
		for _, n := range done.DisconnectedHosts {
			skip[n] = true
		}
		seededHosts := 0
		for _, pl := range places {
			h := simulator.Map.Get(pl.host.Reference()).(*simulator.HostSystem)
			own := append([]string(nil), servers...)
			running := true
			if !skip[pl.name] && seededHosts < r.ntpStopped+r.ntpEmpty {
				if seededHosts < r.ntpStopped {
					running = false
					out.NtpStoppedHosts = append(out.NtpStoppedHosts, pl.name)
				} else {
					own = nil
					out.NtpEmptyHosts = append(out.NtpEmptyHosts, pl.name)
				}
				seededHosts++
			}
			h.Config.DateTimeInfo = &types.HostDateTimeInfo{
				TimeZone:  types.HostDateTimeSystemTimeZone{Key: "UTC", Name: "UTC", Description: "UTC", GmtOffset: 0},
				NtpConfig: &types.HostNtpConfig{Server: own},
			}
			services := []types.HostService{}
			if h.Config.Service != nil {
				for _, s := range h.Config.Service.Service {
					if s.Key != "ntpd" {
						services = append(services, s)
					}
				}
			}
			services = append(services, types.HostService{Key: "ntpd", Label: "NTP Daemon", Running: running, Policy: "on"})
			h.Config.Service = &types.HostServiceInfo{Service: services}
		}
	}
	return out, nil
}
