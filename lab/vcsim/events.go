package main

import (
	"context"
	"fmt"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/types"
)

type migrationEvent struct {
	Vm      string `json:"vm"`
	From    string `json:"from"`
	To      string `json:"to"`
	Created string `json:"created"`
}

// postMigrations posts DRS migration events spread back over eventDays (the simulator stamps every event
// with the current time; the event object it keeps is ours, so its time can be set after posting).
func postMigrations(ctx context.Context, c *vim25.Client, places []hostPlace, vms []*object.VirtualMachine, s scenario) ([]migrationEvent, error) {
	var out []migrationEvent
	if s.migrations == 0 || len(vms) == 0 || len(places) < 2 {
		return out, nil
	}
	em := *c.ServiceContent.EventManager
	span := time.Duration(s.eventDays) * 24 * time.Hour
	now := time.Now()
	for i := 0; i < s.migrations; i++ {
		g := vmObj(vms[i%len(vms)])
		from := places[i%len(places)]
		to := places[(i+1)%len(places)]
		created := now.Add(-span * time.Duration(i+1) / time.Duration(s.migrations+1))
		ev := &types.DrsVmMigratedEvent{VmMigratedEvent: types.VmMigratedEvent{
			VmEvent: types.VmEvent{Event: types.Event{
				Vm:                   &types.VmEventArgument{Vm: g.Self, EntityEventArgument: types.EntityEventArgument{Name: g.Name}},
				Host:                 &types.HostEventArgument{Host: to.host.Reference(), EntityEventArgument: types.EntityEventArgument{Name: to.name}},
				FullFormattedMessage: fmt.Sprintf("Migrating %s from %s to %s", g.Name, from.name, to.name),
			}},
			SourceHost: types.HostEventArgument{Host: from.host.Reference(), EntityEventArgument: types.EntityEventArgument{Name: from.name}},
		}}
		if _, err := methods.PostEvent(ctx, c, &types.PostEvent{This: em, EventToPost: ev}); err != nil {
			return out, err
		}
		ev.CreatedTime = created
		ev.FullFormattedMessage = fmt.Sprintf("Migrating %s from %s to %s", g.Name, from.name, to.name)
		out = append(out, migrationEvent{Vm: g.Name, From: from.name, To: to.name, Created: created.UTC().Format(time.RFC3339Nano)})
	}
	return out, nil
}
